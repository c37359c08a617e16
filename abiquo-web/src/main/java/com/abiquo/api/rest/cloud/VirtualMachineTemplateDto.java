package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.api.rest.tenancy.EnterpriseDto;
import com.abiquo.cloud.VirtualMachineTemplate;

import jakarta.validation.constraints.Size;

/**
 * {@code virtualmachinetemplate+json}: {id, name, description, path, diskFormatType, diskFileSize,
 * cpuRequired, ramRequired, hdRequired, osType, iconUrl, categoryName, links}.
 */
public class VirtualMachineTemplateDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "virtualmachinetemplate+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "virtualmachinetemplates+json";

    public Integer id;
    @Size(min = 1, max = 128) public String name;
    @Size(max = 255) public String description;
    public String path;
    public String diskFormatType;
    public Long diskFileSize;
    public Integer cpuRequired;
    public Integer ramRequired;
    public Long hdRequired;
    public String osType;
    @Size(max = 255) public String iconUrl;
    @Size(min = 1, max = 64) public String categoryName;

    public static VirtualMachineTemplateDto from(VirtualMachineTemplate t, Links links) {
        VirtualMachineTemplateDto dto = new VirtualMachineTemplateDto();
        dto.id = t.getId();
        dto.name = t.getName();
        dto.description = t.getDescription();
        dto.path = t.getPath();
        dto.diskFormatType = t.getDiskFormat();
        dto.diskFileSize = t.getDiskFileSize();
        dto.cpuRequired = t.getCpuRequired();
        dto.ramRequired = t.getRamRequired();
        dto.hdRequired = t.getHdRequired();
        dto.osType = t.getOsType();
        dto.iconUrl = t.getIconUrl();
        dto.categoryName = t.getCategory();
        String repository = CloudPaths.repository(t.getEnterprise().getId(), t.getDatacenter().getId());
        dto.add(links.titled("edit", TYPE, t.getName(), CloudPaths.template(t)));
        dto.add(links.titled("datacenterrepository", DatacenterRepositoryDto.TYPE, t.getDatacenter().getName(), repository));
        dto.add(EnterpriseDto.link(links, t.getEnterprise()));
        return dto;
    }
}
