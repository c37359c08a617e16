package com.abiquo.cloud;

import java.util.Collection;

/** Abiquo's virtual appliance states, derived from the states of its virtual machines. */
public enum VirtualApplianceState {
    DEPLOYED, NOT_DEPLOYED, NEEDS_SYNC, LOCKED, UNKNOWN;

    public static VirtualApplianceState of(Collection<VirtualMachineState> vms) {
        if (vms.isEmpty() || vms.stream().allMatch(s -> s == VirtualMachineState.NOT_ALLOCATED)) {
            return NOT_DEPLOYED;
        }
        if (vms.contains(VirtualMachineState.LOCKED)) {
            return LOCKED;
        }
        if (vms.contains(VirtualMachineState.UNKNOWN)) {
            return UNKNOWN;
        }
        if (vms.stream().allMatch(VirtualMachineState::isDeployed)) {
            return DEPLOYED;
        }
        return NEEDS_SYNC;
    }
}
