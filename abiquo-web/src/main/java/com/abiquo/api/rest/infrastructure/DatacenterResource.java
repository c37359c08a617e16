package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.infrastructure.Datacenter;
import com.abiquo.infrastructure.DatacenterService;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
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

/**
 * {@code /api/admin/datacenters}: the physical datacenters (cloud administrators). Resources are
 * {@code @Transactional}: the representation is built in the service call's transaction, so lazy
 * relations can be followed, and any failure rolls back everything the request wrote.
 */
@Path("admin/datacenters")
@RequestScoped
@Transactional
public class DatacenterResource {

    @Inject
    DatacenterService datacenters;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({DatacenterDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_ENUMERATE)
    public CollectionDto<DatacenterDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(datacenters.list(paging.toRequest()), dc -> DatacenterDto.from(dc, links), uriInfo,
                DatacenterDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({DatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({DatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public Response create(DatacenterDto body) {
        Bodies.require(body);
        Datacenter dc = datacenters.create(body.name.trim(), body.location.trim());
        DatacenterDto dto = DatacenterDto.from(dc, Links.of(uriInfo));
        return Response.status(Response.Status.CREATED).entity(dto).build();
    }

    @GET
    @Path("{datacenter}")
    @Produces({DatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_ENUMERATE)
    public DatacenterDto get(@PathParam("datacenter") String id) {
        return DatacenterDto.from(datacenters.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{datacenter}")
    @Consumes({DatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({DatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public DatacenterDto update(@PathParam("datacenter") String id, DatacenterDto body) {
        Bodies.require(body);
        return DatacenterDto.from(datacenters.update(Ids.parse(id), body.name.trim(), body.location.trim()),
                Links.of(uriInfo));
    }

    @DELETE
    @Path("{datacenter}")
    @Requires(Privilege.PHYS_DC_MANAGE)
    public void delete(@PathParam("datacenter") String id) {
        datacenters.delete(Ids.parse(id));
    }
}
