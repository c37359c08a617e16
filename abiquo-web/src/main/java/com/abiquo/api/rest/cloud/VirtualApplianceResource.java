package com.abiquo.api.rest.cloud;

import java.util.List;

import com.abiquo.api.rest.protocol.Accepted;
import com.abiquo.api.rest.protocol.AcceptedRequestDto;
import com.abiquo.api.rest.protocol.ActionBody;
import com.abiquo.cloud.VirtualMachineActions;
import com.abiquo.task.TaskRecord;
import jakarta.ws.rs.QueryParam;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.cloud.VirtualAppliance;
import com.abiquo.cloud.VirtualApplianceService;
import com.abiquo.security.Privilege;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/cloud/virtualdatacenters/{vdc}/virtualappliances}: groups of machines and their derived state. */
@Path("cloud/virtualdatacenters/{vdc}/virtualappliances")
@RequestScoped
@Transactional
public class VirtualApplianceResource {

    /** {@code virtualappliancestate+json}: {state}. */
    public static class StateDto extends com.abiquo.api.rest.protocol.RestDto {
        public String state;
    }

    @Inject
    VirtualApplianceService vapps;

    @Inject
    VirtualMachineActions actions;

    /** Deploys every NOT_ALLOCATED machine of the appliance: 202 with a status link per machine's task. */
    @POST
    @Path("{vapp}/action/deploy")
    @Produces({AcceptedRequestDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response deploy(@PathParam("vdc") String vdc, @PathParam("vapp") String id, @QueryParam("force") String force,
            String body) {
        boolean forced = ActionBody.forcesLimits(force, body);
        return accepted(vdc, id, actions.deployAppliance(Ids.parse(vdc), Ids.parse(id), forced));
    }

    /** Undeploys every deployed machine of the appliance: 202 with a status link per machine's task. */
    @POST
    @Path("{vapp}/action/undeploy")
    @Produces({AcceptedRequestDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VM)
    public Response undeploy(@PathParam("vdc") String vdc, @PathParam("vapp") String id, String body) {
        ActionBody.flag(body, "forceUndeploy");
        return accepted(vdc, id, actions.undeployAppliance(Ids.parse(vdc), Ids.parse(id)));
    }

    private Response accepted(String vdc, String vapp, List<TaskRecord> started) {
        return Accepted.of(Links.of(uriInfo), TaskDto.TYPE, started.stream()
                .map(t -> CloudPaths.task(Ids.parse(vdc), Ids.parse(vapp), t.getVmId(), t.getTaskId()))
                .toList());
    }

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({VirtualApplianceDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<VirtualApplianceDto> list(@PathParam("vdc") String vdc, @BeanParam PagingParams paging) {
        return Collections.of(vapps.list(Ids.parse(vdc), paging.toRequest()), this::dto, uriInfo,
                VirtualApplianceDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({VirtualApplianceDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({VirtualApplianceDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VAPP)
    public Response create(@PathParam("vdc") String vdc, VirtualApplianceDto body) {
        Bodies.require(body);
        VirtualAppliance va = vapps.create(Ids.parse(vdc), body.name.trim(), body.description);
        return Response.status(Response.Status.CREATED).entity(dto(va)).build();
    }

    @GET
    @Path("{vapp}")
    @Produces({VirtualApplianceDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public VirtualApplianceDto get(@PathParam("vdc") String vdc, @PathParam("vapp") String id) {
        return dto(vapps.get(Ids.parse(vdc), Ids.parse(id)));
    }

    @GET
    @Path("{vapp}/state")
    @Produces({VirtualApplianceDto.STATE_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public StateDto state(@PathParam("vdc") String vdc, @PathParam("vapp") String id) {
        VirtualAppliance va = vapps.get(Ids.parse(vdc), Ids.parse(id));
        StateDto dto = new StateDto();
        dto.state = vapps.state(va).name();
        dto.add(Links.of(uriInfo).titled("parent", VirtualApplianceDto.TYPE, va.getName(), CloudPaths.vapp(va)));
        return dto;
    }

    @PUT
    @Path("{vapp}")
    @Consumes({VirtualApplianceDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({VirtualApplianceDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_VAPP)
    public VirtualApplianceDto update(@PathParam("vdc") String vdc, @PathParam("vapp") String id,
            VirtualApplianceDto body) {
        Bodies.require(body);
        return dto(vapps.update(Ids.parse(vdc), Ids.parse(id), body.name.trim(), body.description));
    }

    @DELETE
    @Path("{vapp}")
    @Requires(Privilege.VDC_MANAGE_VAPP)
    public void delete(@PathParam("vdc") String vdc, @PathParam("vapp") String id) {
        vapps.delete(Ids.parse(vdc), Ids.parse(id));
    }

    private VirtualApplianceDto dto(VirtualAppliance va) {
        return VirtualApplianceDto.from(va, vapps.state(va), Links.of(uriInfo));
    }
}
