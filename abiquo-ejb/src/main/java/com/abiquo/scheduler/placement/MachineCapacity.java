package com.abiquo.scheduler.placement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.abiquo.scheduler.rules.LoadLevel;

/**
 * One physical machine as the scheduler sees it. Its usage (CPUs, RAM, datastores, virtual machines
 * per enterprise) is mutable and changed only through {@link CapacityIndex}, under the index's lock;
 * {@link CapacityIndex#machine(int)} hands out snapshots, so a caller never reads a machine that is
 * being changed.
 * <p>
 * The load rule's limits are computed once here: {@link LoadLevel#maxCpus(int)} and
 * {@link LoadLevel#maxRamInMb(int)} (capped at {@link Integer#MAX_VALUE}, the most an int usage can
 * hold).
 */
public final class MachineCapacity {

    private final int machineId;
    private final int rackId;
    private final String hypervisorType;
    private final boolean managed;
    private final Integer reservedForEnterprise;
    private final int cpus;
    private final int ramMb;
    private final LoadLevel load;

    /** The load rule's limits, in CPUs and MB: {@code cpusUsed} and {@code ramUsedMb} never go past them through a reserve. */
    final long maxCpus;
    final long maxRamMb;

    int cpusUsed;
    int ramUsedMb;

    /** Datastores as parallel arrays, so the placement scan allocates nothing. */
    final int[] dsIds;
    final boolean[] dsEnabled;
    final long[] dsSize;
    final long[] dsUsed;

    final EnterpriseVmCounts vms;

    /** Position in its index's bucket, -1 when in none. */
    int slot = -1;

    /**
     * @param vmsPerEnterprise enterprise id to number of its virtual machines on this machine (null
     *        is none)
     */
    public MachineCapacity(int machineId, int rackId, String hypervisorType, boolean managed,
            Integer reservedForEnterprise, int cpus, int cpusUsed, int ramMb, int ramUsedMb, LoadLevel load,
            List<DatastoreCapacity> datastores, Map<Integer, Integer> vmsPerEnterprise) {
        this.machineId = machineId;
        this.rackId = rackId;
        this.hypervisorType = Objects.requireNonNull(hypervisorType, "hypervisorType");
        this.managed = managed;
        if (reservedForEnterprise != null && reservedForEnterprise == Integer.MIN_VALUE) {
            throw new IllegalArgumentException("machine " + machineId + ": enterprise id " + reservedForEnterprise);
        }
        this.reservedForEnterprise = reservedForEnterprise;
        this.load = Objects.requireNonNull(load, "load");
        if (cpus < 0 || cpusUsed < 0 || ramMb < 0 || ramUsedMb < 0) {
            throw new IllegalArgumentException("machine " + machineId + ": negative CPUs or RAM (" + cpus + "/"
                    + cpusUsed + " CPUs, " + ramMb + "/" + ramUsedMb + " MB)");
        }
        this.cpus = cpus;
        this.cpusUsed = cpusUsed;
        this.ramMb = ramMb;
        this.ramUsedMb = ramUsedMb;
        this.maxCpus = Math.min(Integer.MAX_VALUE, load.maxCpus(cpus));
        this.maxRamMb = Math.min(Integer.MAX_VALUE, load.maxRamInMb(ramMb));

        List<DatastoreCapacity> ds = datastores == null ? List.of() : datastores;
        int n = ds.size();
        dsIds = new int[n];
        dsEnabled = new boolean[n];
        dsSize = new long[n];
        dsUsed = new long[n];
        var seen = new HashSet<Integer>();
        for (int i = 0; i < n; i++) {
            DatastoreCapacity d = Objects.requireNonNull(ds.get(i), "datastore");
            if (!seen.add(d.datastoreId())) {
                throw new IllegalArgumentException("machine " + machineId + ": datastore " + d.datastoreId()
                        + " listed twice");
            }
            dsIds[i] = d.datastoreId();
            dsEnabled[i] = d.enabled();
            dsSize[i] = d.sizeBytes();
            dsUsed[i] = d.usedBytes();
        }

        Map<Integer, Integer> counts = vmsPerEnterprise == null ? Map.of() : vmsPerEnterprise;
        vms = new EnterpriseVmCounts(counts.size());
        counts.forEach((enterprise, count) -> {
            if (enterprise == null || count == null || count < 0) {
                throw new IllegalArgumentException("machine " + machineId + ": bad VM count " + count
                        + " for enterprise " + enterprise);
            }
            vms.add(enterprise, count);
        });
    }

    public int machineId() {
        return machineId;
    }

    public int rackId() {
        return rackId;
    }

    public String hypervisorType() {
        return hypervisorType;
    }

    public boolean managed() {
        return managed;
    }

    /** The enterprise the machine is reserved for, null when it serves everyone. */
    public Integer reservedForEnterprise() {
        return reservedForEnterprise;
    }

    public int cpus() {
        return cpus;
    }

    public int cpusUsed() {
        return cpusUsed;
    }

    public int ramMb() {
        return ramMb;
    }

    public int ramUsedMb() {
        return ramUsedMb;
    }

    public LoadLevel load() {
        return load;
    }

    /** The datastores as they are now (snapshots). */
    public List<DatastoreCapacity> datastores() {
        List<DatastoreCapacity> list = new ArrayList<>(dsIds.length);
        for (int i = 0; i < dsIds.length; i++) {
            list.add(new DatastoreCapacity(dsIds[i], dsEnabled[i], dsSize[i], dsUsed[i]));
        }
        return Collections.unmodifiableList(list);
    }

    /** Whether at least one virtual machine of that enterprise is on this machine. */
    public boolean hostsEnterprise(int enterpriseId) {
        return vms.count(enterpriseId) > 0;
    }

    /** Number of virtual machines of that enterprise on this machine. */
    public int vmsOf(int enterpriseId) {
        return vms.count(enterpriseId);
    }

    /** Enterprise id to number of its virtual machines on this machine (only those with some). */
    public Map<Integer, Integer> vmsPerEnterprise() {
        return Collections.unmodifiableMap(vms.toMap());
    }

    /** A copy with the same usage, that later changes of this machine do not touch. */
    MachineCapacity snapshot() {
        return new MachineCapacity(machineId, rackId, hypervisorType, managed, reservedForEnterprise, cpus, cpusUsed,
                ramMb, ramUsedMb, load, datastores(), vms.toMap());
    }

    /** The most free bytes of an enabled datastore, -1 if none is enabled. */
    long maxFreeBytes() {
        long max = -1;
        for (int i = 0; i < dsIds.length; i++) {
            if (dsEnabled[i]) {
                max = Math.max(max, dsSize[i] - dsUsed[i]);
            }
        }
        return max;
    }

    /** Index of the datastore with that id, -1 if none. */
    int datastoreIndex(int datastoreId) {
        for (int i = 0; i < dsIds.length; i++) {
            if (dsIds[i] == datastoreId) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Index of the enabled datastore with the most free bytes, at least {@code hdBytes}; among equals
     * the lowest datastore id; -1 if none.
     */
    int bestDatastore(long hdBytes) {
        int best = -1;
        long bestFree = -1;
        for (int i = 0; i < dsIds.length; i++) {
            if (!dsEnabled[i]) {
                continue;
            }
            long free = dsSize[i] - dsUsed[i];
            if (free < hdBytes) {
                continue;
            }
            if (free > bestFree || (free == bestFree && dsIds[i] < dsIds[best])) {
                best = i;
                bestFree = free;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "MachineCapacity[" + machineId + " rack " + rackId + " " + hypervisorType + (managed ? "" : " unmanaged")
                + (reservedForEnterprise == null ? "" : " reserved for " + reservedForEnterprise) + ", CPUs "
                + cpusUsed + "/" + cpus + " (max " + maxCpus + "), RAM " + ramUsedMb + "/" + ramMb + " MB (max "
                + maxRamMb + ")]";
    }
}
