package com.abiquo.api.rest.cloud;

import java.util.List;
import java.util.Map;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.AcceptedRequestDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.api.rest.tenancy.EnterpriseDto;
import com.abiquo.cloud.IpAddress;
import com.abiquo.cloud.VirtualDatacenter;
import com.abiquo.cloud.VirtualMachine;

import jakarta.validation.constraints.Size;

/**
 * {@code virtualmachine+json}: {id, uuid, name (ABQ_uuid), label, description, password, cpu, ram,
 * hdInBytes, coresPerSocket, state, idState, type, ...}; created with a {@code virtualmachinetemplate}
 * link. Numbers may come as JSON strings. State and identity fields are ignored on input.
 */
public class VirtualMachineDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "virtualmachine+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "virtualmachines+json";
    public static final String STATE_TYPE = AbiquoMediaTypes.PREFIX + "virtualmachinestate+json";

    public Integer id;
    public String uuid;
    public String name;
    @Size(max = 128) public String label;
    @Size(max = 255) public String description;
    public String password;
    public Integer cpu;
    public Integer ram;
    public Long hdInBytes;
    public Integer coresPerSocket;
    public String state;
    public Integer idState;
    public String type;
    public Integer highDisponibility;
    public Boolean monitored;
    public Boolean vdrpEnabled;
    public Integer vdrpPort;
    public Map<String, String> variables;

    public static VirtualMachineDto from(VirtualMachine vm, List<IpAddress> ips, Links links) {
        VirtualMachineDto dto = new VirtualMachineDto();
        dto.id = vm.getId();
        dto.uuid = vm.getUuid();
        dto.name = vm.getName();
        dto.label = vm.getLabel();
        dto.description = vm.getDescription();
        dto.password = vm.getPassword();
        dto.cpu = vm.getCpu();
        dto.ram = vm.getRam();
        dto.hdInBytes = vm.getHd();
        dto.coresPerSocket = vm.getCoresPerSocket();
        dto.state = vm.getState().name();
        dto.idState = vm.getState().id();
        dto.type = "MANAGED";
        dto.highDisponibility = 0;
        dto.monitored = false;
        dto.vdrpEnabled = false;
        dto.vdrpPort = 0;
        dto.variables = Map.of();
        VirtualDatacenter vdc = vm.getVirtualAppliance().getVirtualDatacenter();
        String self = CloudPaths.vm(vm);
        dto.add(links.titled("edit", TYPE, vm.getLabel(), self));
        dto.add(links.titled("state", STATE_TYPE, vm.getState().name(), self + "/state"));
        dto.add(links.link("tasks", TaskDto.COLLECTION_TYPE, self + "/tasks"));
        dto.add(links.link("deploy", AcceptedRequestDto.TYPE, self + "/action/deploy"));
        dto.add(links.link("undeploy", AcceptedRequestDto.TYPE, self + "/action/undeploy"));
        dto.add(links.link("reset", AcceptedRequestDto.TYPE, self + "/action/reset"));
        dto.add(links.link("tags", AbiquoMediaTypes.of("tags"), self + "/tags"));
        dto.add(links.titled("virtualappliance", VirtualApplianceDto.TYPE, vm.getVirtualAppliance().getName(),
                CloudPaths.vapp(vm.getVirtualAppliance())));
        dto.add(links.titled("virtualdatacenter", VirtualDatacenterDto.TYPE, vdc.getName(), CloudPaths.vdc(vdc)));
        dto.add(links.titled("virtualmachinetemplate", VirtualMachineTemplateDto.TYPE, vm.getTemplate().getName(),
                CloudPaths.template(vm.getTemplate())));
        dto.add(EnterpriseDto.link(links, vdc.getEnterprise()));
        for (int i = 0; i < ips.size(); i++) {
            IpAddress ip = ips.get(i);
            dto.add(links.titled("nic" + i, IpDto.TYPE, ip.getIp(), CloudPaths.network(ip.getNetwork()) + "/ips/" + ip.getId()));
        }
        return dto;
    }
}
