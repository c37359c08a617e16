package com.abiquo.api.rest.rules;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.scheduler.rules.MachineLoadRule;
import com.abiquo.scheduler.rules.MachineLoadRuleService;
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

/**
 * {@code /api/admin/rules/machineLoadLevel}: the CPU and RAM load allowed per machine, rack or
 * datacenter (exactly one scope link). A PUT changes the percentages, never the scope.
 */
@Path(MachineLoadRuleDto.PATH)
@RequestScoped
@Transactional
public class MachineLoadRuleResource {

    @Inject
    MachineLoadRuleService rules;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({MachineLoadRuleDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public CollectionDto<MachineLoadRuleDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(rules.list(paging.toRequest()), r -> MachineLoadRuleDto.from(r, links), uriInfo,
                MachineLoadRuleDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({MachineLoadRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({MachineLoadRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.RULES_MANAGE)
    public Response create(MachineLoadRuleDto body) {
        Bodies.require(body);
        MachineLoadRule rule = rules.create(body.scope(), body.toLevel());
        return Response.status(Response.Status.CREATED).entity(MachineLoadRuleDto.from(rule, Links.of(uriInfo))).build();
    }

    @GET
    @Path("{rule}")
    @Produces({MachineLoadRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public MachineLoadRuleDto get(@PathParam("rule") String id) {
        return MachineLoadRuleDto.from(rules.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{rule}")
    @Consumes({MachineLoadRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({MachineLoadRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.RULES_MANAGE)
    public MachineLoadRuleDto update(@PathParam("rule") String id, MachineLoadRuleDto body) {
        Bodies.require(body);
        return MachineLoadRuleDto.from(rules.update(Ids.parse(id), body.toLevel()), Links.of(uriInfo));
    }

    @DELETE
    @Path("{rule}")
    @Requires(Privilege.RULES_MANAGE)
    public void delete(@PathParam("rule") String id) {
        rules.delete(Ids.parse(id));
    }
}
