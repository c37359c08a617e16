package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.cloud.IpAddress;

/** {@code privateip+json}: {id, ip, mac, networkName} and links to its network and machine. */
public class IpDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "privateip+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "privateips+json";

    public Integer id;
    public String ip;
    public String mac;
    public String networkName;

    public static IpDto from(IpAddress a, Links links) {
        IpDto dto = new IpDto();
        dto.id = a.getId();
        dto.ip = a.getIp();
        dto.mac = a.getMac();
        dto.networkName = a.getNetwork().getName();
        String network = CloudPaths.network(a.getNetwork());
        dto.add(links.titled("self", TYPE, a.getIp(), network + "/ips/" + a.getId()));
        dto.add(links.titled("privatenetwork", PrivateNetworkDto.TYPE, a.getNetwork().getName(), network));
        if (a.getVirtualMachine() != null) {
            dto.add(links.titled("virtualmachine", VirtualMachineDto.TYPE, a.getVirtualMachine().getLabel(),
                    CloudPaths.vm(a.getVirtualMachine())));
        }
        return dto;
    }
}
