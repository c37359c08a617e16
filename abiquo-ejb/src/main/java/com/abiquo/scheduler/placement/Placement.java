package com.abiquo.scheduler.placement;

/** Where a virtual machine goes: a physical machine (in its rack) and one of its datastores. */
public record Placement(int machineId, int rackId, int datastoreId) {
}
