package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.cloud.VirtualMachine;

/** {@code virtualmachinestate+json}: {state, links parent (the machine) and edit}. */
public class VirtualMachineStateDto extends RestDto {

    public String state;

    /** In a PUT to OFF: an ACPI shutdown instead of a power off. */
    public Boolean gracefulShutdown;

    public static VirtualMachineStateDto from(VirtualMachine vm, Links links) {
        VirtualMachineStateDto dto = new VirtualMachineStateDto();
        dto.state = vm.getState().name();
        String self = CloudPaths.vm(vm);
        dto.add(links.titled("parent", VirtualMachineDto.TYPE, vm.getLabel(), self));
        dto.add(links.titled("edit", VirtualMachineDto.STATE_TYPE, vm.getState().name(), self + "/state"));
        return dto;
    }
}
