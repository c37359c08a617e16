package com.abiquo.api.rest.rules;

import com.abiquo.api.rest.infrastructure.DatacenterDto;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.scheduler.rules.FitPolicyRule;

import jakarta.validation.constraints.NotBlank;

/**
 * {@code fitpolicyrule+json}: {@code {id, fitPolicy, links:[edit, datacenter?]}}; without a
 * {@code datacenter} link the rule is the global default.
 */
public class FitPolicyRuleDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "fitpolicyrule+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "fitpolicyrules+json";
    static final String PATH = "admin/rules/fitsPolicy";

    public Integer id;

    /** PROGRESSIVE or PERFORMANCE. */
    @NotBlank
    public String fitPolicy;

    public static FitPolicyRuleDto from(FitPolicyRule rule, Links links) {
        FitPolicyRuleDto dto = new FitPolicyRuleDto();
        dto.id = rule.getId();
        dto.fitPolicy = rule.getFitPolicy().name();
        dto.add(links.link("edit", TYPE, PATH + "/%d", rule.getId()));
        if (rule.getDatacenter() != null) {
            dto.add(DatacenterDto.link(links, rule.getDatacenter()));
        }
        return dto;
    }
}
