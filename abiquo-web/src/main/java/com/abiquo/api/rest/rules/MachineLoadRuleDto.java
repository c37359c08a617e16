package com.abiquo.api.rest.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.abiquo.api.rest.infrastructure.DatacenterDto;
import com.abiquo.api.rest.infrastructure.MachineDto;
import com.abiquo.api.rest.infrastructure.RackDto;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.scheduler.rules.LoadLevel;
import com.abiquo.scheduler.rules.MachineLoadRule;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code machineloadrule+json}: {@code {id, cpuLoadPercentage, ramLoadPercentage, links}}. Created
 * with exactly one {@code machine}, {@code rack} or {@code datacenter} link; answered with the
 * scope and its parents ({@code datacenter}, {@code rack}, {@code machine}) and {@code edit}.
 */
public class MachineLoadRuleDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "machineloadrule+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "machineloadrules+json";
    static final String PATH = "admin/rules/machineLoadLevel";

    public Integer id;

    /** Percent of the machine's CPUs that may be used; over 100 is overcommit. */
    @NotNull
    @Min(0)
    public Integer cpuLoadPercentage;

    /** Percent of the machine's RAM that may be used; over 100 is overcommit. */
    @NotNull
    @Min(0)
    public Integer ramLoadPercentage;

    /** Scope links and the paths they must point at, most specific first. */
    private static final Map<String, String> SCOPES = new LinkedHashMap<>();

    static {
        SCOPES.put("machine", "admin/datacenters/{dc}/racks/{rack}/machines/{id}");
        SCOPES.put("rack", "admin/datacenters/{dc}/racks/{id}");
        SCOPES.put("datacenter", "admin/datacenters/{id}");
    }

    /**
     * The ids of the one scope link, outermost first: {@code [dc]}, {@code [dc, rack]} or
     * {@code [dc, rack, machine]}; none or several is 400.
     */
    public int[] scope() {
        List<LinkDto> given = SCOPES.keySet().stream().map(this::link).flatMap(Optional::stream).toList();
        if (given.size() != 1) {
            throw ApiException.of(ApiError.RULE_INVALID_SCOPE,
                    "A machine load rule needs exactly one link with rel 'machine', 'rack' or 'datacenter'");
        }
        LinkDto scope = given.get(0);
        return InputLinks.ids(scope, SCOPES.get(scope.rel));
    }

    public LoadLevel toLevel() {
        return LoadLevel.of(cpuLoadPercentage, ramLoadPercentage);
    }

    public static MachineLoadRuleDto from(MachineLoadRule rule, Links links) {
        MachineLoadRuleDto dto = new MachineLoadRuleDto();
        dto.id = rule.getId();
        dto.cpuLoadPercentage = rule.getLevel().cpuLoadPercentage();
        dto.ramLoadPercentage = rule.getLevel().ramLoadPercentage();
        dto.add(links.link("edit", TYPE, PATH + "/%d", rule.getId()));
        dto.add(DatacenterDto.link(links, rule.getScopeDatacenter()));
        if (rule.getScopeRack() != null) {
            dto.add(RackDto.link(links, rule.getScopeRack()));
        }
        if (rule.getMachine() != null) {
            dto.add(MachineDto.link(links, rule.getMachine()));
        }
        return dto;
    }
}
