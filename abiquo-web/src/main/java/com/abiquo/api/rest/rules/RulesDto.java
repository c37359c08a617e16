package com.abiquo.api.rest.rules;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.RestDto;

/**
 * {@code rules+json}: every allocation rule at once,
 * {@code {machineLoadRules:{collection}, fitPolicyRules:{collection}, enterpriseExclusionRules:{collection}, links}}.
 */
public class RulesDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "rules+json";

    public CollectionDto<MachineLoadRuleDto> machineLoadRules;

    public CollectionDto<FitPolicyRuleDto> fitPolicyRules;

    public CollectionDto<EnterpriseExclusionRuleDto> enterpriseExclusionRules;
}
