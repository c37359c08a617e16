package com.abiquo.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.abiquo.scheduler.placement.CapacityIndex;
import com.abiquo.scheduler.placement.DatastoreCapacity;
import com.abiquo.scheduler.placement.MachineCapacity;
import com.abiquo.scheduler.placement.Placement;
import com.abiquo.scheduler.placement.PlacementRequest;
import com.abiquo.scheduler.placement.PlacementResult;
import com.abiquo.scheduler.rules.FitPolicy;
import com.abiquo.scheduler.rules.LoadLevel;

/**
 * Placements per second of the scheduler's {@link CapacityIndex} over one datacenter of
 * {@code machines} machines: 3 hypervisor types, 20 racks, 20% of the machines reserved for an
 * enterprise, some enterprise exclusions, machines of 16-64 cores and 64-512 GB (some with CPU
 * overcommit), virtual machines of 1-8 CPUs and 1-16 GB.
 * <ul>
 * <li>{@code placeReserveRelease}: one operation = release the VM placed {@code machines × 4}
 * operations ago, then place and reserve a new one: a steady state around two thirds full (the
 * index is filled that far before measuring).</li>
 * <li>{@code placeOnly}: the decision alone, on the same filled datacenter (nothing changes).</li>
 * </ul>
 * Run: {@code bench/placement.sh} or {@code java -jar bench/jmh/target/benchmarks.jar Placement}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PlacementBenchmark {

    private static final long GB = 1024L * 1024 * 1024;
    private static final String[] TYPES = {"KVM", "KVM", "KVM", "KVM", "KVM", "VMX_04", "VMX_04", "VMX_04",
        "HYPERV_301", "HYPERV_301"};
    private static final int RACKS = 20;
    private static final int ENTERPRISES = 200;
    private static final int REQUESTS = 1 << 14;

    @Param({"1000", "10000"})
    public int machines;

    private CapacityIndex index;
    private PlacementRequest[] requests;
    private int next;

    /** The placements still held, by the operation that made them (a ring of machines × 4). */
    private Placement[] held;
    private PlacementRequest[] heldRequests;
    private int slot;

    private long placed;
    private long noRoom;

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(42);
        List<MachineCapacity> list = new ArrayList<>(machines);
        for (int id = 1; id <= machines; id++) {
            int cores = 16 << rnd.nextInt(3); // 16, 32, 64
            int ramMb = 65536 << rnd.nextInt(4); // 64 to 512 GB
            int r = rnd.nextInt(10);
            LoadLevel load = r < 2 ? new LoadLevel(200, 100) : r < 3 ? new LoadLevel(80, 90) : LoadLevel.DEFAULT;
            List<DatastoreCapacity> ds = new ArrayList<>();
            for (int d = 0, n = 1 + rnd.nextInt(3); d < n; d++) {
                long size = (1 + rnd.nextInt(8)) * 1024 * GB;
                ds.add(new DatastoreCapacity(id * 10 + d, rnd.nextInt(10) != 0 || d == 0, size, size / 10));
            }
            Map<Integer, Integer> vms = new HashMap<>();
            for (int v = 0, n = rnd.nextInt(4); v < n; v++) {
                vms.merge(1 + rnd.nextInt(ENTERPRISES), 1, Integer::sum);
            }
            list.add(new MachineCapacity(id, 1 + rnd.nextInt(RACKS), TYPES[rnd.nextInt(TYPES.length)],
                    rnd.nextInt(50) != 0, rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(ENTERPRISES) : null, cores,
                    vms.values().stream().mapToInt(Integer::intValue).sum(), ramMb, 2048 * vms.size(), load, ds, vms));
        }
        index = new CapacityIndex(list);

        requests = new PlacementRequest[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            Set<Integer> excluded = rnd.nextInt(10) == 0
                    ? Set.of(1 + rnd.nextInt(ENTERPRISES / 2), ENTERPRISES / 2 + 1 + rnd.nextInt(ENTERPRISES / 2))
                    : Set.of();
            requests[i] = new PlacementRequest(1 + rnd.nextInt(ENTERPRISES), TYPES[rnd.nextInt(TYPES.length)],
                    1 + rnd.nextInt(8), 1024 * (1 + rnd.nextInt(16)), (10 + rnd.nextInt(90)) * GB,
                    rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(RACKS) : null, excluded,
                    rnd.nextInt(10) < 7 ? FitPolicy.PROGRESSIVE : FitPolicy.PERFORMANCE);
        }

        held = new Placement[machines * 4];
        heldRequests = new PlacementRequest[held.length];
        for (int i = 0; i < held.length; i++) {
            placeReserveRelease(); // fill to the steady state before measuring
        }
        placed = 0;
        noRoom = 0;
    }

    @TearDown(Level.Trial)
    public void report() {
        long total = placed + noRoom;
        System.out.printf("%n[placement] %d machines: %d operations measured, %.1f%% found no room%n", machines, total,
                total == 0 ? 0.0 : 100.0 * noRoom / total);
    }

    @Benchmark
    public Placement placeReserveRelease() {
        Placement old = held[slot];
        if (old != null) {
            PlacementRequest r = heldRequests[slot];
            index.release(old.machineId(), old.datastoreId(), r.cpus(), r.ramMb(), r.hdBytes(), r.enterpriseId());
        }
        PlacementRequest request = requests[next++ & (REQUESTS - 1)];
        PlacementResult result = index.place(request);
        Placement p = result.placement().orElse(null);
        if (p != null) {
            index.reserve(p, request);
            placed++;
        } else {
            noRoom++;
        }
        held[slot] = p;
        heldRequests[slot] = request;
        slot = slot + 1 == held.length ? 0 : slot + 1;
        return p;
    }

    @Benchmark
    public PlacementResult placeOnly() {
        return index.place(requests[next++ & (REQUESTS - 1)]);
    }
}
