package com.abiquo.scheduler.placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.abiquo.scheduler.rules.FitPolicy;

/**
 * The capacity of one datacenter's machines, kept in memory by the leader, and Abiquo's allocator
 * over it. Thread-safe: every method holds the index's lock, so a {@link #place} followed by a
 * {@link #reserve} from another thread cannot overcommit: {@code reserve} checks the rules again and
 * refuses a placement that no longer fits ({@link #placeAndReserve} does both at once).
 * <p>
 * A machine is a candidate for a request when all of these hold:
 * <ol>
 * <li>it is managed and of the request's hypervisor type;</li>
 * <li>it is in the required rack, if any;</li>
 * <li>it is not reserved, or reserved for the request's enterprise;</li>
 * <li>it hosts no virtual machine of an excluded enterprise;</li>
 * <li>its used CPUs and RAM plus the request stay within its load rule (which may overcommit);</li>
 * <li>it has an enabled datastore with the request's disk free (the one with the most free bytes,
 * then the lowest id, is chosen).</li>
 * </ol>
 * Candidates are ranked by their load after the placement, {@code max(cpu fraction, ram fraction)}
 * of what their rules allow: {@link FitPolicy#PROGRESSIVE} takes the highest (packs),
 * {@link FitPolicy#PERFORMANCE} the lowest (spreads); equal loads go to the lowest machine id.
 * <p>
 * {@link #place} is one pass over the managed machines of the request's hypervisor type, with
 * primitive arithmetic and no allocation per machine; only when nothing fits does a second pass
 * over all machines count what eliminated them, for the reason.
 * The index keeps its own copies of the machines it is given.
 */
public final class CapacityIndex {

    /**
     * Managed machines of one hypervisor type, in no particular order (the tie-break is explicit),
     * with what the placement scan reads copied into parallel primitive arrays: the scan then walks
     * contiguous memory instead of one object graph per machine. Kept in step with the machines by
     * {@link #sync} after every change.
     */
    private static final class Bucket {
        private static final int NOT_RESERVED = Integer.MIN_VALUE;

        MachineCapacity[] items = new MachineCapacity[16];
        int[] rack = new int[16];
        int[] reservedFor = new int[16];
        int[] cpusUsed = new int[16];
        int[] maxCpus = new int[16];
        int[] ramUsed = new int[16];
        int[] maxRam = new int[16];
        long[] maxFree = new long[16];
        int size;

        void add(MachineCapacity m) {
            if (size == items.length) {
                int n = size * 2;
                items = Arrays.copyOf(items, n);
                rack = Arrays.copyOf(rack, n);
                reservedFor = Arrays.copyOf(reservedFor, n);
                cpusUsed = Arrays.copyOf(cpusUsed, n);
                maxCpus = Arrays.copyOf(maxCpus, n);
                ramUsed = Arrays.copyOf(ramUsed, n);
                maxRam = Arrays.copyOf(maxRam, n);
                maxFree = Arrays.copyOf(maxFree, n);
            }
            m.slot = size++;
            sync(m);
        }

        void remove(MachineCapacity m) {
            int i = m.slot;
            if (i < 0 || i >= size || items[i] != m) {
                return;
            }
            MachineCapacity last = items[--size];
            items[size] = null;
            m.slot = -1;
            if (last != m) {
                last.slot = i;
                sync(last);
            }
        }

        /** Copies the machine's rules and usage into its slot. */
        void sync(MachineCapacity m) {
            int i = m.slot;
            items[i] = m;
            rack[i] = m.rackId();
            reservedFor[i] = m.reservedForEnterprise() == null ? NOT_RESERVED : m.reservedForEnterprise();
            cpusUsed[i] = m.cpusUsed;
            maxCpus[i] = (int) m.maxCpus;
            ramUsed[i] = m.ramUsedMb;
            maxRam[i] = (int) m.maxRamMb;
            maxFree[i] = m.maxFreeBytes();
        }
    }

    private final Map<Integer, MachineCapacity> machines = new HashMap<>();
    private final Map<String, Bucket> managedByType = new HashMap<>();

    public CapacityIndex(Collection<MachineCapacity> machines) {
        for (MachineCapacity m : machines) {
            put(m);
        }
    }

    /** Where the virtual machine would go now, or why nowhere; changes nothing. */
    public synchronized PlacementResult place(PlacementRequest request) {
        Objects.requireNonNull(request, "request");
        Bucket bucket = managedByType.get(request.hypervisorType());
        if (bucket != null) {
            int[] excluded = toArray(request);
            boolean anyRack = request.requiredRackId() == null;
            int rack = anyRack ? 0 : request.requiredRackId();
            int enterprise = request.enterpriseId();
            int cpus = request.cpus();
            int ram = request.ramMb();
            long hd = request.hdBytes();
            boolean pack = request.fitPolicy() == FitPolicy.PROGRESSIVE;

            int best = -1;
            double bestLoad = 0;
            int bestId = 0;
            final MachineCapacity[] items = bucket.items;
            final int[] racks = bucket.rack;
            final int[] reservedFor = bucket.reservedFor;
            final int[] cpusUsed = bucket.cpusUsed;
            final int[] maxCpus = bucket.maxCpus;
            final int[] ramUsed = bucket.ramUsed;
            final int[] maxRam = bucket.maxRam;
            final long[] maxFree = bucket.maxFree;
            for (int i = 0, n = bucket.size; i < n; i++) {
                if (!anyRack && racks[i] != rack) {
                    continue;
                }
                int reserved = reservedFor[i];
                if (reserved != Bucket.NOT_RESERVED && reserved != enterprise) {
                    continue;
                }
                long cpusAfter = (long) cpusUsed[i] + cpus;
                long ramAfter = (long) ramUsed[i] + ram;
                if (cpusAfter > maxCpus[i] || ramAfter > maxRam[i] || maxFree[i] < hd) {
                    continue;
                }
                if (excluded.length > 0 && hostsAny(items[i], excluded)) {
                    continue;
                }
                double load = Math.max(fraction(cpusAfter, maxCpus[i]), fraction(ramAfter, maxRam[i]));
                if (best < 0 || (pack ? load > bestLoad : load < bestLoad)
                        || (load == bestLoad && items[i].machineId() < bestId)) {
                    best = i;
                    bestLoad = load;
                    bestId = items[i].machineId();
                }
            }
            if (best >= 0) {
                MachineCapacity m = items[best];
                return PlacementResult.placed(new Placement(m.machineId(), m.rackId(), m.dsIds[m.bestDatastore(hd)]));
            }
        }
        return PlacementResult.noRoom(noRoomReason(request));
    }

    /**
     * {@link #place} and, when placed, {@link #reserve} at once: no other call can come between.
     */
    public synchronized PlacementResult placeAndReserve(PlacementRequest request) {
        PlacementResult result = place(request);
        result.placement().ifPresent(p -> reserve(p, request));
        return result;
    }

    /**
     * Takes the request's CPUs and RAM on the machine, its disk on the datastore, and counts one more
     * virtual machine of its enterprise there.
     *
     * @throws IllegalStateException if the machine or datastore is unknown, or the placement no longer
     *         satisfies every rule for the request (e.g. another reserve came first): nothing changes then
     */
    public synchronized void reserve(Placement p, PlacementRequest request) {
        Objects.requireNonNull(p, "placement");
        Objects.requireNonNull(request, "request");
        MachineCapacity m = machines.get(p.machineId());
        if (m == null) {
            throw new IllegalStateException("cannot reserve on machine " + p.machineId() + ": not in the index");
        }
        int ds = m.datastoreIndex(p.datastoreId());
        if (ds < 0) {
            throw new IllegalStateException("cannot reserve on machine " + p.machineId() + ": it has no datastore "
                    + p.datastoreId());
        }
        String refusal = refusal(m, request, ds, toArray(request));
        if (refusal != null) {
            throw new IllegalStateException("cannot reserve " + describe(request) + " on machine " + p.machineId()
                    + ", datastore " + p.datastoreId() + ": " + refusal);
        }
        m.cpusUsed += request.cpus();
        m.ramUsedMb += request.ramMb();
        m.dsUsed[ds] += request.hdBytes();
        m.vms.add(request.enterpriseId(), 1);
        sync(m);
    }

    /**
     * Gives back what a virtual machine held (the reverse of {@link #reserve}); no usage goes below 0.
     * An unknown machine (e.g. removed meanwhile) or datastore is ignored.
     */
    public synchronized void release(int machineId, int datastoreId, int cpus, int ramMb, long hdBytes,
            int enterpriseId) {
        if (cpus < 0 || ramMb < 0 || hdBytes < 0) {
            throw new IllegalArgumentException("negative release: " + cpus + " CPUs, " + ramMb + " MB, " + hdBytes
                    + " bytes");
        }
        MachineCapacity m = machines.get(machineId);
        if (m == null) {
            return;
        }
        m.cpusUsed = Math.max(0, m.cpusUsed - cpus);
        m.ramUsedMb = Math.max(0, m.ramUsedMb - ramMb);
        int ds = m.datastoreIndex(datastoreId);
        if (ds >= 0) {
            m.dsUsed[ds] = Math.max(0L, m.dsUsed[ds] - hdBytes);
        }
        m.vms.add(enterpriseId, -1);
        sync(m);
    }

    /** Adds the machine, or replaces the one with its id (e.g. its state or rules changed). */
    public synchronized void put(MachineCapacity machine) {
        MachineCapacity copy = Objects.requireNonNull(machine, "machine").snapshot();
        MachineCapacity old = machines.put(copy.machineId(), copy);
        if (old != null) {
            unbucket(old);
        }
        if (copy.managed()) {
            managedByType.computeIfAbsent(copy.hypervisorType(), t -> new Bucket()).add(copy);
        }
    }

    /** Forgets the machine, if known. */
    public synchronized void remove(int machineId) {
        MachineCapacity old = machines.remove(machineId);
        if (old != null) {
            unbucket(old);
        }
    }

    /** A snapshot of the machine as it is now. */
    public synchronized Optional<MachineCapacity> machine(int machineId) {
        MachineCapacity m = machines.get(machineId);
        return m == null ? Optional.empty() : Optional.of(m.snapshot());
    }

    /** Snapshots of all the machines, by id. */
    public synchronized List<MachineCapacity> machines() {
        List<MachineCapacity> list = new ArrayList<>(machines.size());
        machines.values().stream().sorted((a, b) -> Integer.compare(a.machineId(), b.machineId()))
                .forEach(m -> list.add(m.snapshot()));
        return list;
    }

    public synchronized int size() {
        return machines.size();
    }

    private void sync(MachineCapacity m) {
        if (m.slot >= 0) {
            managedByType.get(m.hypervisorType()).sync(m);
        }
    }

    private void unbucket(MachineCapacity m) {
        if (m.managed()) {
            Bucket b = managedByType.get(m.hypervisorType());
            if (b != null) {
                b.remove(m);
                if (b.size == 0) {
                    managedByType.remove(m.hypervisorType());
                }
            }
        }
    }

    private static int[] toArray(PlacementRequest request) {
        var set = request.excludedEnterprises();
        if (set.isEmpty()) {
            return EMPTY;
        }
        int[] a = new int[set.size()];
        int i = 0;
        for (Integer e : set) {
            a[i++] = e;
        }
        return a;
    }

    private static final int[] EMPTY = new int[0];

    private static boolean hostsAny(MachineCapacity m, int[] enterprises) {
        for (int e : enterprises) {
            if (m.vms.count(e) > 0) {
                return true;
            }
        }
        return false;
    }

    private static double fraction(long used, long max) {
        return max <= 0 ? (used <= 0 ? 0.0 : Double.POSITIVE_INFINITY) : (double) used / max;
    }

    /** Why this machine and datastore cannot take the request, null if it can. */
    private static String refusal(MachineCapacity m, PlacementRequest r, int ds, int[] excluded) {
        if (!m.managed()) {
            return "the machine is not managed";
        }
        if (!m.hypervisorType().equals(r.hypervisorType())) {
            return "the machine is " + m.hypervisorType() + ", not " + r.hypervisorType();
        }
        if (r.requiredRackId() != null && m.rackId() != r.requiredRackId()) {
            return "the machine is in rack " + m.rackId() + ", not " + r.requiredRackId();
        }
        if (m.reservedForEnterprise() != null && m.reservedForEnterprise() != r.enterpriseId()) {
            return "the machine is reserved for enterprise " + m.reservedForEnterprise();
        }
        for (int e : excluded) {
            if (m.vms.count(e) > 0) {
                return "the machine hosts a virtual machine of excluded enterprise " + e;
            }
        }
        if ((long) m.cpusUsed + r.cpus() > m.maxCpus) {
            return m.cpusUsed + " + " + r.cpus() + " CPUs would exceed the " + m.maxCpus + " its load rule allows";
        }
        if ((long) m.ramUsedMb + r.ramMb() > m.maxRamMb) {
            return m.ramUsedMb + " + " + r.ramMb() + " MB would exceed the " + m.maxRamMb + " MB its load rule allows";
        }
        if (!m.dsEnabled[ds]) {
            return "datastore " + m.dsIds[ds] + " is disabled";
        }
        if (m.dsSize[ds] - m.dsUsed[ds] < r.hdBytes()) {
            return "datastore " + m.dsIds[ds] + " has " + bytes(Math.max(0, m.dsSize[ds] - m.dsUsed[ds]))
                    + " free, not " + bytes(r.hdBytes());
        }
        return null;
    }

    /** Counts, over all machines, the first rule that eliminated each one. */
    private String noRoomReason(PlacementRequest r) {
        int[] excluded = toArray(r);
        int unmanaged = 0, otherType = 0, otherRack = 0, reserved = 0, excludedHost = 0, overCpu = 0, overRam = 0,
                noDatastore = 0, candidates = 0;
        for (MachineCapacity m : machines.values()) {
            if (!m.managed()) {
                unmanaged++;
            } else if (!m.hypervisorType().equals(r.hypervisorType())) {
                otherType++;
            } else if (r.requiredRackId() != null && m.rackId() != r.requiredRackId()) {
                otherRack++;
            } else if (m.reservedForEnterprise() != null && m.reservedForEnterprise() != r.enterpriseId()) {
                reserved++;
            } else if (hostsAny(m, excluded)) {
                excludedHost++;
            } else if ((long) m.cpusUsed + r.cpus() > m.maxCpus) {
                overCpu++;
            } else if ((long) m.ramUsedMb + r.ramMb() > m.maxRamMb) {
                overRam++;
            } else if (m.bestDatastore(r.hdBytes()) < 0) {
                noDatastore++;
            } else {
                candidates++; // cannot happen: place would have found it
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("no MANAGED ").append(r.hypervisorType()).append(" machine");
        if (r.requiredRackId() != null) {
            s.append(" in rack ").append(r.requiredRackId());
        }
        s.append(" has ").append(r.cpus()).append(" CPUs and ").append(r.ramMb()).append(" MB free within its load rules")
                .append(" and ").append(bytes(r.hdBytes())).append(" free on an enabled datastore, for enterprise ")
                .append(r.enterpriseId());
        if (!r.excludedEnterprises().isEmpty()) {
            s.append(" (excluding machines hosting enterprises ").append(r.excludedEnterprises().stream().sorted()
                    .toList()).append(')');
        }
        s.append(": of ").append(machines.size()).append(machines.size() == 1 ? " machine" : " machines");
        List<String> parts = new ArrayList<>();
        add(parts, unmanaged, "not managed");
        add(parts, otherType, "not " + r.hypervisorType());
        add(parts, otherRack, "in another rack");
        add(parts, reserved, "reserved for another enterprise");
        add(parts, excludedHost, "hosting an excluded enterprise");
        add(parts, overCpu, "over their CPU load rule");
        add(parts, overRam, "over their RAM load rule");
        add(parts, noDatastore, "without an enabled datastore with " + bytes(r.hdBytes()) + " free");
        add(parts, candidates, "fitting (internal error)");
        if (!parts.isEmpty()) {
            s.append(", ").append(String.join(", ", parts));
        }
        return s.toString();
    }

    private static void add(List<String> parts, int count, String what) {
        if (count > 0) {
            parts.add(count + " " + what);
        }
    }

    private static String describe(PlacementRequest r) {
        return r.cpus() + " CPUs, " + r.ramMb() + " MB RAM, " + bytes(r.hdBytes()) + " of disk (" + r.hypervisorType()
                + ", enterprise " + r.enterpriseId() + ")";
    }

    static String bytes(long b) {
        if (b < 1024L * 1024) {
            return b + " bytes";
        }
        if (b < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", b / (1024.0 * 1024 * 1024));
    }
}
