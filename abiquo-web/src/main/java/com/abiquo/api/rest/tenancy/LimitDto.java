package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.infrastructure.DatacenterDto;
import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.infrastructure.Datacenter;
import com.abiquo.tenancy.EnterpriseLimit;

/**
 * {@code limit+json}: an enterprise's allowance in one datacenter. Clients find a limit again by
 * the href of its {@code location} link, which is the datacenter's admin href.
 */
public class LimitDto extends LimitsDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "limit+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "limits+json";

    public Integer id;

    public static LimitDto from(EnterpriseLimit l, Links links) {
        LimitDto dto = new LimitDto();
        dto.id = l.getId();
        dto.fillLimits(l.getLimits());
        Datacenter dc = l.getDatacenter();
        dto.add(links.link("edit", TYPE, EnterpriseDto.path(l.getEnterprise().getId()) + "/limits/" + l.getId()));
        dto.add(EnterpriseDto.link(links, l.getEnterprise()));
        dto.add(links.titled("location", DatacenterDto.TYPE, dc.getName(), "admin/datacenters/%d", dc.getId()));
        dto.add(DatacenterDto.link(links, dc));
        return dto;
    }
}
