package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.infrastructure.RackService;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/** {@code /api/admin/datacenters/{dc}/racks}: the racks of a datacenter. */
@Path("admin/datacenters/{datacenter}/racks")
@RequestScoped
public class RackResource {

    @Inject
    RackService racks;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({RackDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public CollectionDto<RackDto> list(@PathParam("datacenter") String datacenter, @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(racks.list(Ids.parse(datacenter), paging.toRequest()), r -> RackDto.from(r, links),
                uriInfo, RackDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({RackDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({RackDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public Response create(@PathParam("datacenter") String datacenter, RackDto body) {
        Bodies.require(body);
        RackDto dto = RackDto.from(racks.create(Ids.parse(datacenter), body.toSpec()), Links.of(uriInfo));
        return Response.status(Response.Status.CREATED).entity(dto).build();
    }

    @GET
    @Path("{rack}")
    @Produces({RackDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public RackDto get(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack) {
        return RackDto.from(racks.get(Ids.parse(datacenter), Ids.parse(rack)), Links.of(uriInfo));
    }

    @PUT
    @Path("{rack}")
    @Consumes({RackDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({RackDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public RackDto update(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack, RackDto body) {
        Bodies.require(body);
        return RackDto.from(racks.update(Ids.parse(datacenter), Ids.parse(rack), body.toSpec()), Links.of(uriInfo));
    }

    @DELETE
    @Path("{rack}")
    @Requires(Privilege.PHYS_DC_MANAGE)
    public void delete(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack) {
        racks.delete(Ids.parse(datacenter), Ids.parse(rack));
    }
}
