package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.infrastructure.DatacenterDto;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.tenancy.EnterpriseDto;
import com.abiquo.api.rest.tenancy.LimitsDto;
import com.abiquo.cloud.VirtualDatacenter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code virtualdatacenter+json}: {id, name, hypervisorType, network{...}, <limits>, links}; created
 * with links {@code location} and (optionally) {@code enterprise}.
 */
public class VirtualDatacenterDto extends LimitsDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "virtualdatacenter+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "virtualdatacenters+json";

    public Integer id;

    @NotBlank
    @Size(max = 128)
    public String name;

    public String hypervisorType;

    @Valid
    public PrivateNetworkDto network;

    public static VirtualDatacenterDto from(VirtualDatacenter vdc, Links links) {
        VirtualDatacenterDto dto = new VirtualDatacenterDto();
        dto.id = vdc.getId();
        dto.name = vdc.getName();
        dto.hypervisorType = vdc.getHypervisorType().name();
        dto.fillLimits(vdc.getLimits());
        if (vdc.getDefaultNetwork() != null) {
            dto.network = PrivateNetworkDto.fields(vdc.getDefaultNetwork());
        }
        String self = CloudPaths.vdc(vdc);
        dto.add(links.titled("edit", TYPE, vdc.getName(), self));
        dto.add(links.titled("location", AbiquoMediaTypes.of("location"), vdc.getDatacenter().getName(),
                "cloud/locations/" + vdc.getDatacenter().getId()));
        dto.add(DatacenterDto.link(links, vdc.getDatacenter()));
        dto.add(EnterpriseDto.link(links, vdc.getEnterprise()));
        dto.add(links.link("virtualappliances", VirtualApplianceDto.COLLECTION_TYPE, self + "/virtualappliances"));
        dto.add(links.link("virtualmachines", VirtualMachineDto.COLLECTION_TYPE, self + "/virtualmachines"));
        dto.add(links.link("templates", VirtualMachineTemplateDto.COLLECTION_TYPE, self + "/templates"));
        dto.add(links.link("privatenetworks", PrivateNetworkDto.COLLECTION_TYPE, self + "/privatenetworks"));
        if (vdc.getDefaultNetwork() != null) {
            dto.add(links.titled("defaultnetwork", PrivateNetworkDto.TYPE, vdc.getDefaultNetwork().getName(),
                    CloudPaths.network(vdc.getDefaultNetwork())));
        }
        dto.add(links.titled("hypervisortype", AbiquoMediaTypes.of("hypervisortype"), vdc.getHypervisorType().name(),
                "config/hypervisortypes/" + vdc.getHypervisorType().name()));
        return dto;
    }
}
