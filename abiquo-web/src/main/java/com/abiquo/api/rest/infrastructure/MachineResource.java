package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.infrastructure.Datastore;
import com.abiquo.infrastructure.Machine;
import com.abiquo.infrastructure.MachineService;
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

/** {@code /api/admin/datacenters/{dc}/racks/{rack}/machines}: the physical machines of a rack. */
@Path("admin/datacenters/{datacenter}/racks/{rack}/machines")
@RequestScoped
public class MachineResource {

    @Inject
    MachineService machines;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({MachineDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public CollectionDto<MachineDto> list(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack,
            @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(machines.list(Ids.parse(datacenter), Ids.parse(rack), paging.toRequest()),
                m -> MachineDto.from(m, links), uriInfo, MachineDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public Response create(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack, MachineDto body) {
        Bodies.require(body);
        Machine m = machines.create(Ids.parse(datacenter), Ids.parse(rack), body.toSpec());
        return Response.status(Response.Status.CREATED).entity(MachineDto.from(m, Links.of(uriInfo))).build();
    }

    @GET
    @Path("{machine}")
    @Produces({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public MachineDto get(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack,
            @PathParam("machine") String machine) {
        return MachineDto.from(machines.get(Ids.parse(datacenter), Ids.parse(rack), Ids.parse(machine)),
                Links.of(uriInfo));
    }

    @PUT
    @Path("{machine}")
    @Consumes({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({MachineDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.PHYS_DC_MANAGE)
    public MachineDto update(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack,
            @PathParam("machine") String machine, MachineDto body) {
        Bodies.require(body);
        Machine m = machines.update(Ids.parse(datacenter), Ids.parse(rack), Ids.parse(machine), body.toSpec());
        return MachineDto.from(m, Links.of(uriInfo));
    }

    @DELETE
    @Path("{machine}")
    @Requires(Privilege.PHYS_DC_MANAGE)
    public void delete(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack,
            @PathParam("machine") String machine) {
        machines.delete(Ids.parse(datacenter), Ids.parse(rack), Ids.parse(machine));
    }

    @GET
    @Path("{machine}/datastores")
    @Produces({DatastoreDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public CollectionDto<DatastoreDto> datastores(@PathParam("datacenter") String datacenter,
            @PathParam("rack") String rack, @PathParam("machine") String machine) {
        MachineDto m = get(datacenter, rack, machine);
        return Collections.of(m.datastores.collection, uriInfo, DatastoreDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{machine}/datastores/{datastore}")
    @Produces({DatastoreDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.PHYS_DC_RETRIEVE_DETAILS})
    public DatastoreDto datastore(@PathParam("datacenter") String datacenter, @PathParam("rack") String rack,
            @PathParam("machine") String machine, @PathParam("datastore") String datastore) {
        Datastore d = machines.datastore(Ids.parse(datacenter), Ids.parse(rack), Ids.parse(machine), Ids.parse(datastore));
        return DatastoreDto.from(d, Links.of(uriInfo), MachineDto.path(d.getMachine()));
    }
}
