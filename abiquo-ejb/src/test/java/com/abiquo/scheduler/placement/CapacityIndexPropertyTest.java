package com.abiquo.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import com.abiquo.scheduler.rules.FitPolicy;
import com.abiquo.scheduler.rules.LoadLevel;

/**
 * Random datacenters and random streams of place / reserve / release: every placement obeys every
 * rule, is the one a naive reference allocator picks, and no machine ever goes over its load rule or
 * its datastores.
 */
class CapacityIndexPropertyTest {

    private static final long GB = 1024L * 1024 * 1024;
    private static final String[] TYPES = {"KVM", "VMX_04", "HYPERV_301"};

    record Held(Placement placement, PlacementRequest request) {
    }

    static List<MachineCapacity> randomMachines(Random rnd, int count) {
        List<MachineCapacity> machines = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            int cpus = 4 + rnd.nextInt(29);
            int ram = 4096 * (1 + rnd.nextInt(16));
            LoadLevel load = switch (rnd.nextInt(4)) {
                case 0 -> new LoadLevel(200, 150);
                case 1 -> new LoadLevel(80, 90);
                default -> LoadLevel.DEFAULT;
            };
            List<DatastoreCapacity> ds = new ArrayList<>();
            for (int d = 0, n = rnd.nextInt(3); d <= n; d++) {
                long size = (50 + rnd.nextInt(500)) * GB;
                ds.add(new DatastoreCapacity(id * 10 + d, rnd.nextInt(6) != 0, size, (long) (size * rnd.nextDouble() * 0.5)));
            }
            Map<Integer, Integer> vms = new HashMap<>();
            if (rnd.nextInt(5) == 0) {
                vms.put(1 + rnd.nextInt(20), 1 + rnd.nextInt(3));
            }
            machines.add(new MachineCapacity(id, 1 + rnd.nextInt(5), TYPES[rnd.nextInt(TYPES.length)],
                    rnd.nextInt(10) != 0, rnd.nextInt(6) == 0 ? 1 + rnd.nextInt(20) : null, cpus,
                    rnd.nextInt(cpus / 2 + 1), ram, rnd.nextInt(ram / 2 + 1), load, ds, vms));
        }
        return machines;
    }

    static PlacementRequest randomRequest(Random rnd) {
        Set<Integer> excluded = new HashSet<>();
        if (rnd.nextInt(4) == 0) {
            excluded.add(1 + rnd.nextInt(20));
        }
        return new PlacementRequest(1 + rnd.nextInt(20), TYPES[rnd.nextInt(TYPES.length)], 1 + rnd.nextInt(8),
                1024 * (1 + rnd.nextInt(16)), (1 + rnd.nextInt(40)) * GB, rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(5) : null,
                excluded, rnd.nextBoolean() ? FitPolicy.PROGRESSIVE : FitPolicy.PERFORMANCE);
    }

    /** The rules, written the naive way from the public view of the machines. */
    static Optional<Placement> reference(List<MachineCapacity> machines, PlacementRequest r) {
        record Candidate(MachineCapacity m, DatastoreCapacity ds, double load) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (MachineCapacity m : machines) {
            long maxCpus = m.load().maxCpus(m.cpus());
            long maxRam = m.load().maxRamInMb(m.ramMb());
            boolean ok = m.managed() && m.hypervisorType().equals(r.hypervisorType())
                    && (r.requiredRackId() == null || r.requiredRackId() == m.rackId())
                    && (m.reservedForEnterprise() == null || m.reservedForEnterprise() == r.enterpriseId())
                    && r.excludedEnterprises().stream().noneMatch(m::hostsEnterprise)
                    && m.cpusUsed() + r.cpus() <= maxCpus && m.ramUsedMb() + r.ramMb() <= maxRam;
            if (!ok) {
                continue;
            }
            Optional<DatastoreCapacity> ds = m.datastores().stream()
                    .filter(d -> d.enabled() && d.freeBytes() >= r.hdBytes())
                    .min(Comparator.comparingLong(DatastoreCapacity::freeBytes).reversed()
                            .thenComparingInt(DatastoreCapacity::datastoreId));
            if (ds.isEmpty()) {
                continue;
            }
            double load = Math.max((double) (m.cpusUsed() + r.cpus()) / maxCpus,
                    (double) (m.ramUsedMb() + r.ramMb()) / maxRam);
            candidates.add(new Candidate(m, ds.get(), load));
        }
        Comparator<Candidate> byLoad = Comparator.comparingDouble(Candidate::load);
        if (r.fitPolicy() == FitPolicy.PROGRESSIVE) {
            byLoad = byLoad.reversed();
        }
        return candidates.stream().min(byLoad.thenComparingInt(c -> c.m().machineId()))
                .map(c -> new Placement(c.m().machineId(), c.m().rackId(), c.ds().datastoreId()));
    }

    static void assertWithinRules(MachineCapacity m, Map<Integer, List<DatastoreCapacity>> initialDatastores) {
        assertThat((long) m.cpusUsed()).as("CPUs of %s", m).isLessThanOrEqualTo(m.load().maxCpus(m.cpus()));
        assertThat((long) m.ramUsedMb()).as("RAM of %s", m).isLessThanOrEqualTo(m.load().maxRamInMb(m.ramMb()));
        for (DatastoreCapacity d : m.datastores()) {
            assertThat(d.usedBytes()).as("datastore %s of %s", d, m).isLessThanOrEqualTo(d.sizeBytes());
        }
        assertThat(m.datastores().stream().map(DatastoreCapacity::sizeBytes).toList())
                .isEqualTo(initialDatastores.get(m.machineId()).stream().map(DatastoreCapacity::sizeBytes).toList());
    }

    @RepeatedTest(8)
    void placementsFollowTheRulesAndTheReferenceAndNeverOvercommit(RepetitionInfo info) {
        Random rnd = new Random(1000L + info.getCurrentRepetition());
        List<MachineCapacity> initial = randomMachines(rnd, 40 + rnd.nextInt(80));
        Map<Integer, List<DatastoreCapacity>> initialDatastores = new HashMap<>();
        initial.forEach(m -> initialDatastores.put(m.machineId(), m.datastores()));
        CapacityIndex index = new CapacityIndex(initial);
        Deque<Held> held = new ArrayDeque<>();
        int placed = 0, refused = 0;

        for (int op = 0; op < 4000; op++) {
            if (!held.isEmpty() && rnd.nextInt(4) == 0) {
                Held h = rnd.nextBoolean() ? held.pollFirst() : held.pollLast();
                PlacementRequest r = h.request();
                index.release(h.placement().machineId(), h.placement().datastoreId(), r.cpus(), r.ramMb(), r.hdBytes(),
                        r.enterpriseId());
                continue;
            }
            if (rnd.nextInt(20) == 0) {
                // replacing a machine by its own snapshot changes nothing but where it sits in the index
                int id = 1 + rnd.nextInt(initial.size());
                index.put(index.machine(id).orElseThrow());
                continue;
            }
            PlacementRequest r = randomRequest(rnd);
            List<MachineCapacity> before = index.machines();
            PlacementResult result = index.place(r);
            assertThat(result.placement()).as("op %d, request %s", op, r).isEqualTo(reference(before, r));
            if (result.placement().isEmpty()) {
                refused++;
                assertThat(result.noRoomReason()).startsWith("no MANAGED " + r.hypervisorType() + " machine");
                continue;
            }
            placed++;
            Placement p = result.placement().get();
            index.reserve(p, r);
            held.add(new Held(p, r));
            MachineCapacity m = index.machine(p.machineId()).orElseThrow();
            assertWithinRules(m, initialDatastores);
            assertThat(m.hostsEnterprise(r.enterpriseId())).isTrue();
            if (op % 250 == 0) {
                index.machines().forEach(x -> assertWithinRules(x, initialDatastores));
            }
        }
        index.machines().forEach(x -> assertWithinRules(x, initialDatastores));
        assertThat(placed).as("placed").isGreaterThan(100);
        assertThat(refused).as("refused").isGreaterThan(10);

        // giving everything back leaves every machine as it was
        while (!held.isEmpty()) {
            Held h = held.poll();
            PlacementRequest r = h.request();
            index.release(h.placement().machineId(), h.placement().datastoreId(), r.cpus(), r.ramMb(), r.hdBytes(),
                    r.enterpriseId());
        }
        List<MachineCapacity> after = index.machines();
        for (int i = 0; i < initial.size(); i++) {
            MachineCapacity a = initial.get(i), b = after.get(i);
            assertThat(b.cpusUsed()).isEqualTo(a.cpusUsed());
            assertThat(b.ramUsedMb()).isEqualTo(a.ramUsedMb());
            assertThat(b.datastores()).isEqualTo(a.datastores());
            assertThat(b.vmsPerEnterprise()).isEqualTo(a.vmsPerEnterprise());
        }
    }

    @Test
    void concurrentPlaceAndReserveNeverOvercommits() throws Exception {
        List<MachineCapacity> initial = randomMachines(new Random(7), 30);
        Map<Integer, List<DatastoreCapacity>> initialDatastores = new HashMap<>();
        initial.forEach(m -> initialDatastores.put(m.machineId(), m.datastores()));
        CapacityIndex index = new CapacityIndex(initial);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = t;
                futures.add(pool.submit(() -> {
                    Random rnd = new Random(seed);
                    int refusedReserves = 0;
                    for (int i = 0; i < 3000; i++) {
                        PlacementRequest r = randomRequest(rnd);
                        Optional<Placement> p = index.place(r).placement();
                        if (p.isEmpty()) {
                            continue;
                        }
                        try {
                            index.reserve(p.get(), r); // another thread may have come between
                        } catch (IllegalStateException lost) {
                            refusedReserves++;
                            continue;
                        }
                        if (rnd.nextInt(3) == 0) {
                            index.release(p.get().machineId(), p.get().datastoreId(), r.cpus(), r.ramMb(), r.hdBytes(),
                                    r.enterpriseId());
                        }
                    }
                    return refusedReserves;
                }));
            }
            for (Future<Integer> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        index.machines().forEach(m -> assertWithinRules(m, initialDatastores));
    }
}
