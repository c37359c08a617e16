package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.security.Privilege;
import com.abiquo.tenancy.EnterpriseService;

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

/** {@code /api/admin/enterprises}: tenants; everybody but a cloud administrator sees only their own. */
@Path("admin/enterprises")
@RequestScoped
public class EnterpriseResource {

    @Inject
    EnterpriseService enterprises;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({EnterpriseDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.ENTERPRISE_ENUMERATE, Privilege.ENTERPRISE_ADMINISTER_ALL})
    public CollectionDto<EnterpriseDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(enterprises.list(paging.toRequest()), e -> EnterpriseDto.from(e, links), uriInfo,
                EnterpriseDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({EnterpriseDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({EnterpriseDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.ENTERPRISE_ADMINISTER_ALL)
    public Response create(EnterpriseDto body) {
        Bodies.require(body);
        EnterpriseDto dto = EnterpriseDto.from(
                enterprises.create(body.name.trim(), body.toLimits(), body.isReservationRestricted), Links.of(uriInfo));
        return Response.status(Response.Status.CREATED).entity(dto).build();
    }

    @GET
    @Path("{enterprise}")
    @Produces({EnterpriseDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.ENTERPRISE_ENUMERATE, Privilege.ENTERPRISE_ADMINISTER_ALL})
    public EnterpriseDto get(@PathParam("enterprise") String id) {
        return EnterpriseDto.from(enterprises.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{enterprise}")
    @Consumes({EnterpriseDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({EnterpriseDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.ENTERPRISE_ADMINISTER_ALL)
    public EnterpriseDto update(@PathParam("enterprise") String id, EnterpriseDto body) {
        Bodies.require(body);
        return EnterpriseDto.from(enterprises.update(Ids.parse(id), body.name.trim(), body.toLimits(),
                body.isReservationRestricted), Links.of(uriInfo));
    }

    @DELETE
    @Path("{enterprise}")
    @Requires(Privilege.ENTERPRISE_ADMINISTER_ALL)
    public void delete(@PathParam("enterprise") String id) {
        enterprises.delete(Ids.parse(id));
    }

    @GET
    @Path("{enterprise}/properties")
    @Produces({EnterprisePropertiesDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.ENTERPRISE_PROPERTIES, Privilege.ENTERPRISE_ADMINISTER_ALL})
    public EnterprisePropertiesDto properties(@PathParam("enterprise") String id) {
        int enterprise = Ids.parse(id);
        return EnterprisePropertiesDto.from(enterprise, enterprises.properties(enterprise), Links.of(uriInfo));
    }

    @PUT
    @Path("{enterprise}/properties")
    @Consumes({EnterprisePropertiesDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({EnterprisePropertiesDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.ENTERPRISE_PROPERTIES, Privilege.ENTERPRISE_ADMINISTER_ALL})
    public EnterprisePropertiesDto replaceProperties(@PathParam("enterprise") String id, EnterprisePropertiesDto body) {
        Bodies.require(body);
        int enterprise = Ids.parse(id);
        return EnterprisePropertiesDto.from(enterprise, enterprises.replaceProperties(enterprise, body.properties),
                Links.of(uriInfo));
    }
}
