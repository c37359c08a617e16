package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.cloud.PrivateNetwork;

import jakarta.validation.constraints.Size;

/** {@code vlan+json}: a private network {id, name, address, mask, gateway, primaryDNS, secondaryDNS, sufixDNS, type}. */
public class PrivateNetworkDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "vlan+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "vlans+json";

    public Integer id;
    @Size(min = 1, max = 128) public String name;
    @Size(max = 15) public String address;
    public Integer mask;
    @Size(max = 15) public String gateway;
    @Size(max = 255) public String primaryDNS;
    @Size(max = 255) public String secondaryDNS;
    @Size(max = 255) public String sufixDNS;
    public String type;
    public Boolean defaultNetwork;
    /** The VLAN tag, given from the VDC's rack at its first deploy (read-only; absent until then). */
    public Integer tag;

    public static PrivateNetworkDto from(PrivateNetwork n, Links links) {
        PrivateNetworkDto dto = fields(n);
        dto.id = n.getId();
        dto.defaultNetwork = n.equals(n.getVirtualDatacenter().getDefaultNetwork());
        String self = CloudPaths.network(n);
        dto.add(links.titled("edit", TYPE, n.getName(), self));
        dto.add(links.link("ips", IpDto.COLLECTION_TYPE, self + "/ips"));
        dto.add(links.titled("virtualdatacenter", VirtualDatacenterDto.TYPE, n.getVirtualDatacenter().getName(),
                CloudPaths.vdc(n.getVirtualDatacenter())));
        return dto;
    }

    /** The fields alone (the VDC's embedded {@code network}). */
    static PrivateNetworkDto fields(PrivateNetwork n) {
        PrivateNetworkDto dto = new PrivateNetworkDto();
        dto.name = n.getName();
        dto.address = n.getAddress();
        dto.mask = n.getMask();
        dto.gateway = n.getGateway();
        dto.primaryDNS = n.getPrimaryDns();
        dto.secondaryDNS = n.getSecondaryDns();
        dto.sufixDNS = n.getSufixDns();
        dto.type = n.getType();
        dto.tag = n.getVlanTag();
        return dto;
    }
}
