package com.abiquo.rs.hypervisor;

import com.abiquo.messaging.model.VmState;

/** A VM as its hypervisor reports it. */
public record VmInfo(String uuid, String name, VmState state, int cpu, int ramInMb) {

    public static VmInfo notFound(String uuid) {
        return new VmInfo(uuid, null, VmState.NOT_FOUND, 0, 0);
    }

    public boolean exists() {
        return state != VmState.NOT_FOUND && state != VmState.UNKNOWN;
    }
}
