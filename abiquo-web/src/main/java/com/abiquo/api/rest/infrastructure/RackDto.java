package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.Rack;
import com.abiquo.infrastructure.RackSpec;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code rack+json}: {@code {id, name, shortDescription, longDescription, vlanIdMin, vlanIdMax,
 * vlansIdAvoided, vlanPerVdcReserved, nrsq, haEnabled, links}}. The VLAN range itself is checked
 * by the service (RACK-5).
 */
public class RackDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "rack+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "racks+json";

    public Integer id;

    @NotBlank
    @Size(max = 40)
    public String name;

    @Size(max = 30)
    public String shortDescription;

    @Size(max = 100)
    public String longDescription;

    public Integer vlanIdMin;

    public Integer vlanIdMax;

    /** VLAN ids and ranges the rack must not use, e.g. {@code 10,20-30}. */
    @Size(max = 255)
    @Pattern(regexp = "|\\d{1,4}(-\\d{1,4})?(,\\s*\\d{1,4}(-\\d{1,4})?)*", message = "must be a list like 10,20-30")
    public String vlansIdAvoided;

    @Min(0)
    @Max(4094)
    public Integer vlanPerVdcReserved;

    @Min(0)
    @Max(100)
    public Integer nrsq;

    public Boolean haEnabled;

    public RackSpec toSpec() {
        return new RackSpec(name.trim(), shortDescription, longDescription, vlanIdMin, vlanIdMax, vlansIdAvoided,
                vlanPerVdcReserved, nrsq, haEnabled);
    }

    public static RackDto from(Rack rack, Links links) {
        RackDto dto = new RackDto();
        dto.id = rack.getId();
        dto.name = rack.getName();
        dto.shortDescription = rack.getShortDescription();
        dto.longDescription = rack.getLongDescription();
        dto.vlanIdMin = rack.getVlanIdMin();
        dto.vlanIdMax = rack.getVlanIdMax();
        dto.vlansIdAvoided = rack.getVlansIdAvoided();
        dto.vlanPerVdcReserved = rack.getVlanPerVdcReserved();
        dto.nrsq = rack.getNrsq();
        dto.haEnabled = rack.isHaEnabled();
        String self = path(rack);
        dto.add(links.titled("edit", TYPE, rack.getName(), self));
        dto.add(DatacenterDto.link(links, rack.getDatacenter()));
        dto.add(links.link("machines", MachineDto.COLLECTION_TYPE, self + "/machines"));
        return dto;
    }

    /** {@code admin/datacenters/{dc}/racks/{rack}}, under the API root. */
    static String path(Rack rack) {
        return "admin/datacenters/" + rack.getDatacenter().getId() + "/racks/" + rack.getId();
    }

    /** The link a machine (or a rule about the rack) carries to its rack. */
    public static com.abiquo.api.rest.protocol.LinkDto link(Links links, Rack rack) {
        return links.titled("rack", TYPE, rack.getName(), path(rack));
    }
}
