package com.abiquo.scheduler.placement;

import java.util.Map;
import java.util.TreeMap;

/**
 * Number of virtual machines per enterprise on one machine: a small open-addressing int-to-int map
 * so the exclusion check of {@link CapacityIndex#place} neither boxes nor allocates. An enterprise
 * whose count drops to 0 keeps its slot (the table only grows with the enterprises ever seen on the
 * machine). Not thread-safe: guarded by the index.
 */
final class EnterpriseVmCounts {

    private static final int EMPTY = Integer.MIN_VALUE;

    private int[] keys;
    private int[] counts;
    private int slotsUsed;

    EnterpriseVmCounts(int expected) {
        int capacity = 4;
        while (capacity < expected * 2) {
            capacity <<= 1;
        }
        keys = new int[capacity];
        counts = new int[capacity];
        java.util.Arrays.fill(keys, EMPTY);
    }

    /** Virtual machines of that enterprise, 0 if none. */
    int count(int enterpriseId) {
        int[] k = keys;
        int mask = k.length - 1;
        for (int i = mix(enterpriseId) & mask;; i = (i + 1) & mask) {
            int key = k[i];
            if (key == enterpriseId) {
                return counts[i];
            }
            if (key == EMPTY) {
                return 0;
            }
        }
    }

    /** Adds delta (may be negative) to the enterprise's count, never going below 0. */
    void add(int enterpriseId, int delta) {
        if (enterpriseId == EMPTY) {
            throw new IllegalArgumentException("enterprise id " + enterpriseId + " is not supported");
        }
        int mask = keys.length - 1;
        int i = mix(enterpriseId) & mask;
        while (keys[i] != EMPTY && keys[i] != enterpriseId) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            if (delta <= 0) {
                return;
            }
            keys[i] = enterpriseId;
            counts[i] = 0;
            slotsUsed++;
        }
        long next = (long) counts[i] + delta;
        counts[i] = (int) Math.max(0L, Math.min(Integer.MAX_VALUE, next));
        if (slotsUsed * 2 > keys.length) {
            grow();
        }
    }

    /** The enterprises with at least one virtual machine, by id. */
    Map<Integer, Integer> toMap() {
        Map<Integer, Integer> map = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] > 0) {
                map.put(keys[i], counts[i]);
            }
        }
        return map;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        java.util.Arrays.fill(keys, EMPTY);
        slotsUsed = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldCounts[i] > 0) {
                add(oldKeys[i], oldCounts[i]);
            }
        }
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
