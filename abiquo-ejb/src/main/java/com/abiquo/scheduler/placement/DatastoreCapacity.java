package com.abiquo.scheduler.placement;

/**
 * One datastore of a machine as the scheduler sees it: an immutable snapshot (the live usage is
 * kept inside {@link MachineCapacity} and changed only through {@link CapacityIndex}).
 */
public record DatastoreCapacity(int datastoreId, boolean enabled, long sizeBytes, long usedBytes) {

    public DatastoreCapacity {
        if (sizeBytes < 0 || usedBytes < 0) {
            throw new IllegalArgumentException("datastore " + datastoreId + ": negative size " + sizeBytes
                    + " or used bytes " + usedBytes);
        }
    }

    /** Bytes still free; 0 when the datastore is (already) full or over-full. */
    public long freeBytes() {
        return Math.max(0L, sizeBytes - usedBytes);
    }
}
