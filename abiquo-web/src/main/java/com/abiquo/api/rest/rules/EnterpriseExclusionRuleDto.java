package com.abiquo.api.rest.rules;

import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.api.rest.tenancy.EnterpriseDto;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.scheduler.rules.EnterpriseExclusionRule;

/** {@code enterpriseexclusionrule+json}: {@code {id, links:[edit, enterprise, enterprise]}}. */
public class EnterpriseExclusionRuleDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "enterpriseexclusionrule+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "enterpriseexclusionrules+json";
    static final String PATH = "admin/rules/enterpriseExclusions";

    public Integer id;

    /** The ids of the two {@code enterprise} links (exactly two: one missing is 400, a third too). */
    public int[] enterpriseIds() {
        List<LinkDto> given = links == null ? List.of()
                : links.stream().filter(l -> l != null && "enterprise".equals(l.rel) && l.href != null).toList();
        if (given.size() < 2) {
            throw ApiException.of(ApiError.MISSING_LINK, "enterprise");
        }
        if (given.size() > 2) {
            throw ApiException.of(ApiError.RULE_INVALID_SCOPE, "An exclusion rule has exactly two 'enterprise' links");
        }
        return given.stream().mapToInt(l -> InputLinks.ids(l, "admin/enterprises/{id}")[0]).toArray();
    }

    public static EnterpriseExclusionRuleDto from(EnterpriseExclusionRule rule, Links links) {
        EnterpriseExclusionRuleDto dto = new EnterpriseExclusionRuleDto();
        dto.id = rule.getId();
        dto.add(links.link("edit", TYPE, PATH + "/%d", rule.getId()));
        dto.add(EnterpriseDto.link(links, rule.getEnterprise1()));
        dto.add(EnterpriseDto.link(links, rule.getEnterprise2()));
        return dto;
    }
}
