package com.abiquo.api.rest.cloud;

import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Accepted;
import com.abiquo.api.rest.protocol.ActionBody;
import com.abiquo.api.rest.protocol.AcceptedRequestDto;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.cloud.CloudAccess;
import com.abiquo.cloud.PrivateNetworkService;
import com.abiquo.cloud.VirtualMachine;
import com.abiquo.cloud.VirtualMachineActions;
import com.abiquo.cloud.VirtualMachineService;
import com.abiquo.cloud.Warnings;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.Caller;
import com.abiquo.security.Privilege;
import com.abiquo.task.Job;
import com.abiquo.task.JobState;
import com.abiquo.task.Task;
import com.abiquo.task.TaskRecord;
import com.abiquo.task.TaskState;
import com.abiquo.task.TaskStore;
import com.abiquo.task.TaskType;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code .../virtualappliances/{vapp}/virtualmachines}: machines made from templates, their state,
 * tasks and tags. Delete answers 202 with a task (already finished for a machine not deployed).
 */
@Path("cloud/virtualdatacenters/{vdc}/virtualappliances/{vapp}/virtualmachines")
@RequestScoped
@Transactional
public class VirtualMachineResource {

    @Inject
    VirtualMachineService vms;

    @Inject
    PrivateNetworkService networks;

    @Inject
    TaskStore tasks;

    @Inject
    Caller caller;

    @Inject
    VirtualMachineActions actions;

    @Inject
    CloudAccess access;

    @Inject
    Warnings warnings;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({VirtualMachineDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<VirtualMachineDto> list(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp,
            @BeanParam PagingParams paging) {
        return Collections.of(vms.list(Ids.parse(vdc), Ids.parse(vapp), paging.toRequest()), this::dto, uriInfo,
                VirtualMachineDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({VirtualMachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({VirtualMachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response create(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, VirtualMachineDto body,
            @QueryParam("force") String force) {
        Bodies.require(body);
        LinkDto template = body.link("virtualmachinetemplate")
                .orElseThrow(() -> ApiException.of(ApiError.MISSING_LINK, "virtualmachinetemplate"));
        int[] ids = InputLinks.ids(template, CloudPaths.TEMPLATE_TEMPLATE);
        VirtualMachine vm = vms.create(Ids.parse(vdc), Ids.parse(vapp), ids, spec(body, force));
        return VirtualDatacenterResource.withWarnings(Response.status(Response.Status.CREATED), warnings)
                .entity(dto(vm)).build();
    }

    @GET
    @Path("{vm}")
    @Produces({VirtualMachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public VirtualMachineDto get(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id) {
        return dto(vms.get(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id)));
    }

    /** Reconfigure: 200 while not deployed; 202 and a task for a deployed machine (only while OFF). */
    @PUT
    @Path("{vm}")
    @Consumes({VirtualMachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({VirtualMachineDto.TYPE, AcceptedRequestDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response update(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id,
            VirtualMachineDto body, @QueryParam("force") String force) {
        Bodies.require(body);
        VirtualMachine current = vms.get(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id));
        if (current.getMachine() != null) {
            TaskRecord task = actions.reconfigure(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id), body.cpu, body.ram,
                    VirtualDatacenterResource.forced(force));
            return accepted(vdc, vapp, id, task);
        }
        VirtualMachine vm = vms.update(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id), spec(body, force));
        return VirtualDatacenterResource.withWarnings(Response.ok(), warnings).entity(dto(vm)).build();
    }

    @DELETE
    @Path("{vm}")
    @Produces({AcceptedRequestDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response delete(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id) {
        VirtualMachine current = vms.get(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id));
        if (current.getMachine() != null) { // deployed: undeployed first, deleted by the task's end
            return accepted(vdc, vapp, id, actions.deleteDeployed(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id)));
        }
        VirtualMachine vm = vms.delete(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id));
        Task task = tasks.create(Task.OWNER_VIRTUAL_MACHINE, vm.getId().toString(), String.valueOf(caller.userId()),
                vm.getVirtualAppliance().getVirtualDatacenter().getEnterprise().getId().toString(), TaskType.DELETE,
                TaskState.FINISHED_SUCCESSFULLY, List.of(new Job.Spec("DELETE", "Delete task's deletion of virtual "
                        + "machine with id " + vm.getId(), JobState.DONE)));
        return Accepted.of(Links.of(uriInfo), TaskDto.TYPE, List.of(CloudPaths.vm(vm) + "/tasks/" + task.taskId()));
    }

    /**
     * Deploy: 202 and a task (SCHEDULE, CONFIGURE, POWER_ON). Clients post no body, {@code null},
     * or a {@code virtualmachinetask} with force flags, with any or no Content-Type.
     */
    @POST
    @Path("{vm}/action/deploy")
    @Produces({AcceptedRequestDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response deploy(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id,
            @QueryParam("force") String force, String body) {
        boolean forced = ActionBody.forcesLimits(force, body);
        TaskRecord task = actions.deploy(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id), forced);
        return accepted(vdc, vapp, id, task);
    }

    @POST
    @Path("{vm}/action/undeploy")
    @Produces({AcceptedRequestDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response undeploy(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id,
            String body) {
        ActionBody.flag(body, "forceUndeploy"); // read for its validation: the undeploy always goes ahead
        TaskRecord task = actions.undeploy(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id));
        return accepted(vdc, vapp, id, task);
    }

    @POST
    @Path("{vm}/action/reset")
    @Produces({AcceptedRequestDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response reset(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id,
            String ignored) {
        TaskRecord task = actions.reset(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id));
        return accepted(vdc, vapp, id, task);
    }

    /** Power: {@code {"state": "ON" | "OFF" | "PAUSED", "gracefulShutdown": false}}. */
    @PUT
    @Path("{vm}/state")
    @Consumes({VirtualMachineDto.STATE_TYPE, AbiquoMediaTypes.JSON})
    @Produces({AcceptedRequestDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response changeState(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp,
            @PathParam("vm") String id, VirtualMachineStateDto body) {
        Bodies.require(body);
        TaskRecord task = actions.changeState(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id), body.state,
                Boolean.TRUE.equals(body.gracefulShutdown));
        return accepted(vdc, vapp, id, task);
    }

    /** Cancels a task that is still QUEUEING (204); the VM returns to the state it had. */
    @POST
    @Path("{vm}/tasks/{task}/action/cancel")
    @Requires(Privilege.VDC_MANAGE_VM)
    public void cancel(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id,
            @PathParam("task") String taskId, String ignored) {
        actions.cancel(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id), taskId);
    }

    private Response accepted(String vdc, String vapp, String vm, TaskRecord task) {
        return Accepted.of(Links.of(uriInfo), TaskDto.TYPE,
                List.of(CloudPaths.task(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(vm), task.getTaskId())));
    }

    @GET
    @Path("{vm}/state")
    @Produces({VirtualMachineDto.STATE_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public VirtualMachineStateDto state(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp,
            @PathParam("vm") String id) {
        return VirtualMachineStateDto.from(vms.get(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id)), Links.of(uriInfo));
    }

    @GET
    @Path("{vm}/tags")
    @Produces({TagsDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public TagsDto tags(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id) {
        return tagsDto(vms.tags(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id)), vdc, vapp, id);
    }

    /**
     * Replaces the tags (200 with the new set). Ansible sends a bare {@code {}} with Accept
     * {@code asynctask+json}: the empty set, so the tags are cleared, and the same 200.
     */
    @PUT
    @Path("{vm}/tags")
    @Consumes({TagsDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({"application/vnd.abiquo.asynctask+json", TagsDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public TagsDto putTags(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id,
            TagsDto body) {
        Bodies.require(body);
        return tagsDto(vms.replaceTags(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id), body.pairs()), vdc, vapp, id);
    }

    private TagsDto tagsDto(List<com.abiquo.cloud.VirtualMachineTag> tags, String vdc, String vapp, String id) {
        TagsDto dto = TagsDto.from(tags);
        dto.add(Links.of(uriInfo).link("edit", TagsDto.TYPE, "cloud/virtualdatacenters/" + Ids.parse(vdc)
                + "/virtualappliances/" + Ids.parse(vapp) + "/virtualmachines/" + Ids.parse(id) + "/tags"));
        return dto;
    }

    @GET
    @Path("{vm}/tasks")
    @Produces({TaskDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<TaskDto> tasks(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp,
            @PathParam("vm") String id) {
        VirtualMachine vm = vms.get(Ids.parse(vdc), Ids.parse(vapp), Ids.parse(id));
        Links links = Links.of(uriInfo);
        return Collections.of(tasks.list(Task.OWNER_VIRTUAL_MACHINE, vm.getId().toString()),
                t -> TaskDto.from(t, CloudPaths.vm(vm), links), uriInfo, TaskDto.COLLECTION_TYPE);
    }

    /**
     * One task; it outlives its machine (a delete's task is read after the machine is gone), so
     * tenancy is then checked on the enterprise stored with the task.
     */
    @GET
    @Path("{vm}/tasks/{task}")
    @Produces({TaskDto.TYPE, TaskDto.EXTENDED_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public TaskDto task(@PathParam("vdc") String vdc, @PathParam("vapp") String vapp, @PathParam("vm") String id,
            @PathParam("task") String taskId) {
        int vdcId = Ids.parse(vdc);
        int vappId = Ids.parse(vapp);
        int vmId = Ids.parse(id);
        Task task = tasks.get(taskId).filter(t -> Task.OWNER_VIRTUAL_MACHINE.equals(t.ownerType())
                && String.valueOf(vmId).equals(t.ownerId())).orElseThrow(() -> ApiException.of(ApiError.TASK_NOT_FOUND));
        if (vms.exists(vmId)) {
            vms.get(vdcId, vappId, vmId);
        } else {
            caller.requireEnterprise(Integer.valueOf(task.enterpriseId()), ApiError.TASK_NOT_FOUND);
            // which VDC the machine was in is gone with it: a user restricted to some VDCs does not get it
            if (access.restrictedTo() != null) {
                throw ApiException.of(ApiError.TASK_NOT_FOUND);
            }
        }
        return TaskDto.from(task, "cloud/virtualdatacenters/" + vdcId + "/virtualappliances/" + vappId
                + "/virtualmachines/" + vmId, Links.of(uriInfo));
    }

    private VirtualMachineDto dto(VirtualMachine vm) {
        return VirtualMachineDto.from(vm, networks.ipsOf(vm), Links.of(uriInfo));
    }

    private static VirtualMachineService.Spec spec(VirtualMachineDto body, String force) {
        return new VirtualMachineService.Spec(body.label, body.description, body.cpu, body.ram, body.hdInBytes,
                body.coresPerSocket, VirtualDatacenterResource.forced(force));
    }
}
