package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.LinkDto;
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
        dto.add(links.titled("edit", TYPE, nst.getName(), path(nst)));
        dto.add(links.link("datacenter", DatacenterDto.TYPE, "admin/datacenters/" + nst.getDatacenter().getId()));
        return dto;
    }

    private static String path(NetworkServiceType nst) {
        return "admin/datacenters/" + nst.getDatacenter().getId() + "/networkservicetypes/" + nst.getId();
    }

    /** The link a machine's NIC carries to the network service type it serves. */
    public static LinkDto link(Links links, NetworkServiceType nst) {
        return links.titled("networkservicetype", TYPE, nst.getName(), path(nst));
    }
}
