package com.abiquo.api.rest.rules;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.scheduler.rules.FitPolicy;
import com.abiquo.scheduler.rules.FitPolicyRule;
import com.abiquo.scheduler.rules.FitPolicyRuleService;
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
 * {@code /api/admin/rules/fitsPolicy}: the fit policy per datacenter ({@code datacenter} link) or
 * the global default (no link). A PUT changes the policy, never the scope.
 */
@Path(FitPolicyRuleDto.PATH)
@RequestScoped
@Transactional
public class FitPolicyRuleResource {

    @Inject
    FitPolicyRuleService rules;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({FitPolicyRuleDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public CollectionDto<FitPolicyRuleDto> list(@BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(rules.list(paging.toRequest()), r -> FitPolicyRuleDto.from(r, links), uriInfo,
                FitPolicyRuleDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({FitPolicyRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({FitPolicyRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.RULES_MANAGE)
    public Response create(FitPolicyRuleDto body) {
        Bodies.require(body);
        FitPolicy policy = FitPolicy.parse(body.fitPolicy);
        Integer datacenter = body.link("datacenter").map(l -> InputLinks.ids(l, "admin/datacenters/{id}")[0])
                .orElse(null);
        FitPolicyRule rule = rules.create(datacenter, policy);
        return Response.status(Response.Status.CREATED).entity(FitPolicyRuleDto.from(rule, Links.of(uriInfo))).build();
    }

    @GET
    @Path("{rule}")
    @Produces({FitPolicyRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public FitPolicyRuleDto get(@PathParam("rule") String id) {
        return FitPolicyRuleDto.from(rules.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{rule}")
    @Consumes({FitPolicyRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({FitPolicyRuleDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.RULES_MANAGE)
    public FitPolicyRuleDto update(@PathParam("rule") String id, FitPolicyRuleDto body) {
        Bodies.require(body);
        return FitPolicyRuleDto.from(rules.update(Ids.parse(id), FitPolicy.parse(body.fitPolicy)), Links.of(uriInfo));
    }

    @DELETE
    @Path("{rule}")
    @Requires(Privilege.RULES_MANAGE)
    public void delete(@PathParam("rule") String id) {
        rules.delete(Ids.parse(id));
    }
}
