package com.abiquo.api.rest.rules;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.scheduler.rules.EnterpriseExclusionRule;
import com.abiquo.scheduler.rules.EnterpriseExclusionRuleService;
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
 * {@code /api/admin/rules/enterpriseExclusions}: pairs of enterprises whose VMs never share a
 * machine (two {@code enterprise} links; a PUT may change the pair).
 */
@Path(EnterpriseExclusionRuleDto.PATH)
@RequestScoped
@Transactional
public class EnterpriseExclusionRuleResource {

    @Inject
    EnterpriseExclusionRuleService rules;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({EnterpriseExclusionRuleDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public CollectionDto<EnterpriseExclusionRuleDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(rules.list(paging.toRequest()), r -> EnterpriseExclusionRuleDto.from(r, links), uriInfo,
                EnterpriseExclusionRuleDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({EnterpriseExclusionRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({EnterpriseExclusionRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.RULES_MANAGE)
    public Response create(EnterpriseExclusionRuleDto body) {
        Bodies.require(body);
        int[] pair = body.enterpriseIds();
        EnterpriseExclusionRule rule = rules.create(pair[0], pair[1]);
        return Response.status(Response.Status.CREATED).entity(EnterpriseExclusionRuleDto.from(rule, Links.of(uriInfo))).build();
    }

    @GET
    @Path("{rule}")
    @Produces({EnterpriseExclusionRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public EnterpriseExclusionRuleDto get(@PathParam("rule") String id) {
        return EnterpriseExclusionRuleDto.from(rules.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{rule}")
    @Consumes({EnterpriseExclusionRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({EnterpriseExclusionRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.RULES_MANAGE)
    public EnterpriseExclusionRuleDto update(@PathParam("rule") String id, EnterpriseExclusionRuleDto body) {
        Bodies.require(body);
        int[] pair = body.enterpriseIds();
        return EnterpriseExclusionRuleDto.from(rules.update(Ids.parse(id), pair[0], pair[1]), Links.of(uriInfo));
    }

    @DELETE
    @Path("{rule}")
    @Requires(Privilege.RULES_MANAGE)
    public void delete(@PathParam("rule") String id) {
        rules.delete(Ids.parse(id));
    }
}
