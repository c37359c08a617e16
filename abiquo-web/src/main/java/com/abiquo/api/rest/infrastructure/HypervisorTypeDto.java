package com.abiquo.api.rest.infrastructure;

import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.HypervisorType;

/** {@code hypervisortype+json}: a hypervisor the platform drives, identified by its name. */
public class HypervisorTypeDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "hypervisortype+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "hypervisortypes+json";

    public String name;
    public String realName;
    public String baseFormat;
    public List<String> compatibilityTable;
    public int defaultPort;

    public static HypervisorTypeDto from(HypervisorType type, Links links) {
        HypervisorTypeDto dto = new HypervisorTypeDto();
        dto.name = type.name();
        dto.realName = type.realName();
        dto.baseFormat = type.baseFormat();
        dto.compatibilityTable = type.compatibleFormats();
        dto.defaultPort = type.defaultPort();
        dto.add(links.titled("self", TYPE, type.name(), "config/hypervisortypes/%s", type.name()));
        return dto;
    }
}
