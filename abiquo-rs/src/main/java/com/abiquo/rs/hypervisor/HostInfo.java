package com.abiquo.rs.hypervisor;

import java.util.List;

/** A host as discovered: the facts the API's machine needs. */
public record HostInfo(String name, String ip, String hypervisorType, int port, int cpuCores, int ramInMb,
        List<Datastore> datastores, List<Nic> nics, String initiatorIqn) {

    public HostInfo {
        datastores = List.copyOf(datastores);
        nics = List.copyOf(nics);
    }

    public record Datastore(String name, String rootPath, String uuid, long sizeInBytes, long usedInBytes) {
    }

    public record Nic(String name, String mac) {
    }
}
