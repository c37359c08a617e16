package com.abiquo.api.rest.rules;

import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.security.Requires;
import com.abiquo.scheduler.rules.EnterpriseExclusionRuleService;
import com.abiquo.scheduler.rules.FitPolicyRuleService;
import com.abiquo.scheduler.rules.MachineLoadRuleService;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/admin/rules}: every allocation rule the scheduler applies, in one document. */
@Path("admin/rules")
@RequestScoped
@Transactional
public class RulesResource {

    @Inject
    FitPolicyRuleService fitPolicies;

    @Inject
    MachineLoadRuleService loadRules;

    @Inject
    EnterpriseExclusionRuleService exclusions;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({RulesDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.PHYS_DC_ENUMERATE, Privilege.RULES_MANAGE})
    public RulesDto get() {
        Links links = Links.of(uriInfo);
        RulesDto dto = new RulesDto();
        LinkDto loadLink = links.link("machineloadrules", MachineLoadRuleDto.COLLECTION_TYPE, MachineLoadRuleDto.PATH);
        LinkDto fitLink = links.link("fitpolicyrules", FitPolicyRuleDto.COLLECTION_TYPE, FitPolicyRuleDto.PATH);
        LinkDto exclusionLink = links.link("enterpriseexclusionrules", EnterpriseExclusionRuleDto.COLLECTION_TYPE,
                EnterpriseExclusionRuleDto.PATH);
        dto.machineLoadRules = whole(loadRules.all().stream().map(r -> MachineLoadRuleDto.from(r, links)).toList(),
                loadLink);
        dto.fitPolicyRules = whole(fitPolicies.all().stream().map(r -> FitPolicyRuleDto.from(r, links)).toList(),
                fitLink);
        dto.enterpriseExclusionRules = whole(
                exclusions.all().stream().map(r -> EnterpriseExclusionRuleDto.from(r, links)).toList(), exclusionLink);
        dto.add(links.link("edit", RulesDto.TYPE, "admin/rules"));
        dto.add(loadLink);
        dto.add(fitLink);
        dto.add(exclusionLink);
        return dto;
    }

    /** An inline, unpaged collection, linking to where it is paged ({@code first}). */
    private static <D> CollectionDto<D> whole(List<D> items, LinkDto collection) {
        CollectionDto<D> dto = new CollectionDto<>(items, items.size());
        dto.add(new LinkDto("first", collection.href, collection.type, null));
        return dto;
    }
}
