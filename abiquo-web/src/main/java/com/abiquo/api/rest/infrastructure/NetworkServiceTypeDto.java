package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.NetworkServiceType;

/** {@code networkservicetype+json}: a kind of network a machine's NIC serves. */
public class NetworkServiceTypeDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "networkservicetype+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "networkservicetypes+json";

    public Integer id;
    public String name;
    public boolean defaultNST;

    public static NetworkServiceTypeDto from(NetworkServiceType nst, Links links) {
        NetworkServiceTypeDto dto = new NetworkServiceTypeDto();
        dto.id = nst.getId();
        dto.name = nst.getName();
        dto.defaultNST = nst.isDefaultType();
        String dc = "admin/datacenters/" + nst.getDatacenter().getId();
        dto.add(links.titled("edit", TYPE, nst.getName(), dc + "/networkservicetypes/" + nst.getId()));
        dto.add(links.link("datacenter", DatacenterDto.TYPE, dc));
        return dto;
    }
}
