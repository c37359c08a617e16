package com.abiquo.infrastructure;

import java.util.List;

/**
 * What a client sends for a machine. On update a null keeps the current value; the password is
 * only ever written (encrypted), never read back.
 */
public record MachineSpec(String name, String description, String ip, String ipService, String type, String user,
        String password, Integer port, Integer virtualCpuCores, Integer virtualRamInMb, Integer virtualCpusUsed,
        Integer virtualRamUsedInMb, String initiatorIqn, String state, List<DatastoreSpec> datastores,
        List<NicSpec> networkInterfaces) {

    /** A datastore; with an id it names an existing one of the machine (update), without it is new. */
    public record DatastoreSpec(Integer id, String name, String rootPath, String directory, String datastoreUuid,
            Boolean enabled, Long size, Long usedSize) {
    }

    /** A NIC and the network service type (of the machine's datacenter) it serves, if any. */
    public record NicSpec(String name, String mac, Integer networkServiceTypeId) {
    }

    @Override
    public String toString() {
        return "MachineSpec[name=" + name + ", ip=" + ip + ", type=" + type + "]"; // never the password
    }
}
