package com.abiquo.api.rest.cloud;

import java.util.ArrayList;
import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.security.Requires;
import com.abiquo.cloud.CloudAccess;
import com.abiquo.cloud.VirtualMachine;
import com.abiquo.error.ApiError;
import com.abiquo.security.Caller;
import com.abiquo.security.Privilege;
import com.abiquo.task.Task;
import com.abiquo.task.TaskRecord;
import com.abiquo.task.Tasks;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * The unfinished tasks of an enterprise ({@code /admin/enterprises/{e}/action/pendingtasks}), oldest
 * first, as Abiquo lists them; a user's are under the user ({@code UserResource}).
 */
@Path("admin/enterprises/{enterprise}/action/pendingtasks")
@RequestScoped
@Transactional
public class PendingTaskResource {

    @Inject
    Tasks tasks;

    @Inject
    Caller caller;

    @Inject
    CloudAccess access;

    @PersistenceContext
    EntityManager em;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({TaskDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<TaskDto> ofEnterprise(@PathParam("enterprise") String enterprise) {
        int e = Ids.parse(enterprise);
        caller.requireEnterprise(e, ApiError.ENTERPRISE_NOT_FOUND);
        return dtos(tasks.pending(e, null), em, uriInfo, access);
    }

    /**
     * The tasks as Abiquo lists them (each with its VM's links), of the VMs the caller may see (a
     * user restricted to some VDCs sees nothing of the others); for the user's list too.
     */
    public static CollectionDto<TaskDto> dtos(List<TaskRecord> pending, EntityManager em, UriInfo uriInfo,
            CloudAccess access) {
        Links links = Links.of(uriInfo);
        List<TaskDto> dtos = new ArrayList<>();
        for (TaskRecord t : pending) {
            VirtualMachine vm = em.find(VirtualMachine.class, t.getVmId());
            if (vm != null && access.canSee(vm.getVirtualAppliance().getVirtualDatacenter())) {
                dtos.add(TaskDto.from(t.view(Task.OWNER_VIRTUAL_MACHINE), CloudPaths.vm(vm), links));
            }
        }
        return new CollectionDto<>(dtos, dtos.size());
    }
}
