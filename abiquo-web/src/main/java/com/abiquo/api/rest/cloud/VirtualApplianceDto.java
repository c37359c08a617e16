package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.AcceptedRequestDto;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.cloud.VirtualAppliance;
import com.abiquo.cloud.VirtualApplianceState;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code virtualappliance+json}: {id, name, description, state, links}. */
public class VirtualApplianceDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "virtualappliance+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "virtualappliances+json";
    public static final String STATE_TYPE = AbiquoMediaTypes.PREFIX + "virtualappliancestate+json";

    public Integer id;

    @NotBlank
    @Size(max = 128)
    public String name;

    @Size(max = 255)
    public String description;

    public String state;

    public static VirtualApplianceDto from(VirtualAppliance va, VirtualApplianceState state, Links links) {
        VirtualApplianceDto dto = new VirtualApplianceDto();
        dto.id = va.getId();
        dto.name = va.getName();
        dto.description = va.getDescription();
        dto.state = state.name();
        String self = CloudPaths.vapp(va);
        dto.add(links.titled("edit", TYPE, va.getName(), self));
        dto.add(links.titled("virtualdatacenter", VirtualDatacenterDto.TYPE, va.getVirtualDatacenter().getName(),
                CloudPaths.vdc(va.getVirtualDatacenter())));
        dto.add(links.link("virtualmachines", VirtualMachineDto.COLLECTION_TYPE, self + "/virtualmachines"));
        dto.add(links.titled("state", STATE_TYPE, state.name(), self + "/state"));
        dto.add(links.link("deploy", AcceptedRequestDto.TYPE, self + "/action/deploy"));
        dto.add(links.link("undeploy", AcceptedRequestDto.TYPE, self + "/action/undeploy"));
        return dto;
    }
}
