package com.abiquo.api.rest.rules;

import com.abiquo.api.rest.infrastructure.MachineDto;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.api.rest.tenancy.EnterpriseDto;
import com.abiquo.api.security.Requires;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.Machine;
import com.abiquo.scheduler.rules.ReservedMachineService;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/admin/enterprises/{e}/reservedmachines}: machines reserved for an enterprise. A POST
 * with a {@code machine} link (or the machine's own representation, by its {@code edit} link)
 * reserves it; DELETE of {@code .../reservedmachines/{machine}} releases it. Each is answered as a
 * {@code machine} with links to the {@code enterprise} and to its {@code reservedmachine} entry.
 */
@Path("admin/enterprises/{enterprise}/reservedmachines")
@RequestScoped
@Transactional
public class ReservedMachineResource {

    private static final String MACHINE = "admin/datacenters/{dc}/racks/{rack}/machines/{id}";

    @Inject
    ReservedMachineService reservations;

    @Context
    UriInfo uriInfo;

    /** What a client posts: links only (other fields of a machine document are ignored). */
    public static class MachineLinkDto extends RestDto {
    }

    @GET
    @Produces({MachineDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public CollectionDto<MachineDto> list(@PathParam("enterprise") String enterprise) {
        Links links = Links.of(uriInfo);
        int e = Ids.parse(enterprise);
        return Collections.of(reservations.list(e), m -> dto(m, e, links), uriInfo, MachineDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.RULES_MANAGE)
    public Response reserve(@PathParam("enterprise") String enterprise, MachineLinkDto body) {
        Bodies.require(body);
        LinkDto machine = body.link("machine").or(() -> body.link("edit"))
                .orElseThrow(() -> ApiException.of(ApiError.MISSING_LINK, "machine"));
        int e = Ids.parse(enterprise);
        Machine m = reservations.reserve(e, InputLinks.ids(machine, MACHINE));
        return Response.status(Response.Status.CREATED).entity(dto(m, e, Links.of(uriInfo))).build();
    }

    @GET
    @Path("{machine}")
    @Produces({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public MachineDto get(@PathParam("enterprise") String enterprise, @PathParam("machine") String machine) {
        int e = Ids.parse(enterprise);
        return dto(reservations.get(e, Ids.parse(machine)), e, Links.of(uriInfo));
    }

    @DELETE
    @Path("{machine}")
    @Requires(Privilege.RULES_MANAGE)
    public void release(@PathParam("enterprise") String enterprise, @PathParam("machine") String machine) {
        reservations.release(Ids.parse(enterprise), Ids.parse(machine));
    }

    private static MachineDto dto(Machine m, int enterprise, Links links) {
        MachineDto dto = MachineDto.from(m, links);
        dto.add(links.link("enterprise", EnterpriseDto.TYPE, "admin/enterprises/%d", enterprise));
        dto.add(links.link("reservedmachine", MachineDto.TYPE, "admin/enterprises/%d/reservedmachines/%d", enterprise,
                m.getId()));
        return dto;
    }
}
