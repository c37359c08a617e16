package com.abiquo.scheduler.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.abiquo.scheduler.rules.FitPolicy;
import com.abiquo.scheduler.rules.LoadLevel;

class CapacityIndexTest {

    static final long GB = 1024L * 1024 * 1024;
    static final int ENT = 7;

    /** A machine builder: managed KVM in rack 1, 16 CPUs and 65536 MB, nothing used, one 1 TB datastore (id = machine * 10). */
    static final class M {
        int id;
        int rack = 1;
        String type = "KVM";
        boolean managed = true;
        Integer reservedFor;
        int cpus = 16;
        int cpusUsed;
        int ram = 65536;
        int ramUsed;
        LoadLevel load = LoadLevel.DEFAULT;
        List<DatastoreCapacity> ds;
        Map<Integer, Integer> vms = Map.of();

        M(int id) {
            this.id = id;
            this.ds = List.of(new DatastoreCapacity(id * 10, true, 1024 * GB, 0));
        }

        M rack(int r) { rack = r; return this; }
        M type(String t) { type = t; return this; }
        M unmanaged() { managed = false; return this; }
        M reservedFor(int e) { reservedFor = e; return this; }
        M cpus(int total, int used) { cpus = total; cpusUsed = used; return this; }
        M ram(int total, int used) { ram = total; ramUsed = used; return this; }
        M load(int cpuPct, int ramPct) { load = new LoadLevel(cpuPct, ramPct); return this; }
        M ds(DatastoreCapacity... d) { ds = List.of(d); return this; }
        M vms(Map<Integer, Integer> v) { vms = v; return this; }

        MachineCapacity build() {
            return new MachineCapacity(id, rack, type, managed, reservedFor, cpus, cpusUsed, ram, ramUsed, load, ds, vms);
        }
    }

    static M m(int id) {
        return new M(id);
    }

    static CapacityIndex index(M... machines) {
        List<MachineCapacity> list = new ArrayList<>();
        for (M b : machines) {
            list.add(b.build());
        }
        return new CapacityIndex(list);
    }

    static PlacementRequest req(int cpus, int ramMb) {
        return new PlacementRequest(ENT, "KVM", cpus, ramMb, 10 * GB, null, Set.of(), FitPolicy.PROGRESSIVE);
    }

    static PlacementRequest req(int enterprise, String type, int cpus, int ramMb, long hd, Integer rack,
            Set<Integer> excluded, FitPolicy policy) {
        return new PlacementRequest(enterprise, type, cpus, ramMb, hd, rack, excluded, policy);
    }

    static int placedOn(CapacityIndex index, PlacementRequest r) {
        PlacementResult result = index.place(r);
        assertThat(result.placement()).as("placement, reason: %s", result.noRoomReason()).isPresent();
        return result.placement().orElseThrow().machineId();
    }

    static String noRoom(CapacityIndex index, PlacementRequest r) {
        PlacementResult result = index.place(r);
        assertThat(result.placement()).as("placement").isEmpty();
        assertThat(result.noRoomReason()).isNotBlank();
        return result.noRoomReason();
    }

    // ---- Rules ----

    @Test
    void onlyMachinesOfTheRequestedHypervisorTypeCaseSensitive() {
        CapacityIndex index = index(m(1).type("VMX_04"), m(2).type("kvm"));
        assertThat(noRoom(index, req(1, 1024))).contains("2 not KVM");
        index.put(m(3).type("KVM").build());
        assertThat(placedOn(index, req(1, 1024))).isEqualTo(3);
        assertThat(placedOn(index, req(ENT, "VMX_04", 1, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE)))
                .isEqualTo(1);
    }

    @Test
    void onlyManagedMachines() {
        CapacityIndex index = index(m(1).unmanaged());
        assertThat(noRoom(index, req(1, 1024))).contains("1 not managed");
        index.put(m(1).build());
        assertThat(placedOn(index, req(1, 1024))).isEqualTo(1);
    }

    @Test
    void theRequiredRackOnlyAndAnyRackWithout() {
        // machine 1 would win on load (PROGRESSIVE, it is fuller) but is in rack 1
        CapacityIndex index = index(m(1).rack(1).cpus(16, 8), m(2).rack(2));
        assertThat(placedOn(index, req(ENT, "KVM", 1, 1024, GB, 2, Set.of(), FitPolicy.PROGRESSIVE))).isEqualTo(2);
        assertThat(placedOn(index, req(ENT, "KVM", 1, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE)))
                .isEqualTo(1);
        assertThat(noRoom(index, req(ENT, "KVM", 1, 1024, GB, 3, Set.of(), FitPolicy.PROGRESSIVE)))
                .contains("in rack 3").contains("2 in another rack");
        assertThat(index.place(req(ENT, "KVM", 1, 1024, GB, 2, Set.of(), FitPolicy.PROGRESSIVE)).placement()
                .orElseThrow().rackId()).isEqualTo(2);
    }

    @Test
    void aReservedMachineServesOnlyItsEnterpriseAndUnreservedOnesServeEveryone() {
        // machine 1 is fuller (PROGRESSIVE prefers it) but reserved for enterprise 99
        CapacityIndex index = index(m(1).reservedFor(99).cpus(16, 8), m(2));
        assertThat(placedOn(index, req(1, 1024))).isEqualTo(2);
        assertThat(placedOn(index, req(99, "KVM", 1, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE)))
                .isEqualTo(1);
        index.remove(2);
        assertThat(noRoom(index, req(1, 1024))).contains("1 reserved for another enterprise");
        // a big enterprise id (no Integer cache) is still recognised as the owner
        index.put(m(3).reservedFor(100_000).build());
        assertThat(placedOn(index, req(100_000, "KVM", 1, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE)))
                .isEqualTo(3);
    }

    @Test
    void noMachineHostingAnExcludedEnterprise() {
        CapacityIndex index = index(m(1).cpus(16, 8).vms(Map.of(50, 2, 51, 1)), m(2).vms(Map.of(52, 1)),
                m(3).vms(Map.of(50, 0)));
        PlacementRequest excluding50 = req(ENT, "KVM", 1, 1024, GB, null, Set.of(50), FitPolicy.PERFORMANCE);
        // PERFORMANCE: 2 and 3 tie at the lowest load; machine 3's zero count of 50 does not exclude it
        assertThat(placedOn(index, excluding50)).isEqualTo(2);
        index.remove(2);
        assertThat(placedOn(index, excluding50)).isEqualTo(3);
        assertThat(placedOn(index, req(ENT, "KVM", 1, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE)))
                .isEqualTo(1);
        index.remove(3);
        assertThat(noRoom(index, excluding50)).contains("1 hosting an excluded enterprise").contains("[50]");
    }

    @Test
    void cpusWithinTheLoadRule() {
        CapacityIndex index = index(m(1).cpus(16, 14));
        assertThat(placedOn(index, req(2, 1024))).isEqualTo(1);
        assertThat(noRoom(index, req(3, 1024))).contains("1 over their CPU load rule");
        index.put(m(1).cpus(16, 14).load(50, 100).build());
        assertThat(noRoom(index, req(1, 1024))).contains("1 over their CPU load rule");
    }

    @Test
    void ramWithinTheLoadRule() {
        CapacityIndex index = index(m(1).ram(8192, 4096));
        assertThat(placedOn(index, req(1, 4096))).isEqualTo(1);
        assertThat(noRoom(index, req(1, 4097))).contains("1 over their RAM load rule");
        index.put(m(1).ram(8192, 4096).load(100, 75).build());
        assertThat(noRoom(index, req(1, 2049))).contains("1 over their RAM load rule");
        assertThat(placedOn(index, req(1, 2048))).isEqualTo(1);
    }

    @Test
    void overcommitOf200PercentAllowsTwiceTheCapacity() {
        CapacityIndex index = index(m(1).cpus(8, 8).ram(8192, 8192));
        assertThat(noRoom(index, req(1, 1))).contains("over their CPU load rule");
        index.put(m(1).cpus(8, 8).ram(8192, 8192).load(200, 200).build());
        assertThat(placedOn(index, req(8, 8192))).isEqualTo(1);
        assertThat(noRoom(index, req(9, 1))).contains("over their CPU load rule");
        assertThat(noRoom(index, req(1, 8193))).contains("over their RAM load rule");
    }

    @Test
    void aDatastoreThatIsEnabledAndBigEnough() {
        CapacityIndex index = index(m(1).ds(new DatastoreCapacity(10, true, 100 * GB, 95 * GB),
                new DatastoreCapacity(11, false, 1000 * GB, 0)));
        assertThat(index.place(req(ENT, "KVM", 1, 1024, 5 * GB, null, Set.of(), FitPolicy.PROGRESSIVE))
                .placement().orElseThrow().datastoreId()).isEqualTo(10);
        assertThat(noRoom(index, req(ENT, "KVM", 1, 1024, 5 * GB + 1, null, Set.of(), FitPolicy.PROGRESSIVE)))
                .contains("1 without an enabled datastore");
        index.put(m(1).ds().build());
        assertThat(noRoom(index, req(ENT, "KVM", 1, 1024, 0, null, Set.of(), FitPolicy.PROGRESSIVE)))
                .contains("1 without an enabled datastore");
    }

    @Test
    void theEnabledDatastoreWithTheMostFreeBytesThenTheLowestId() {
        CapacityIndex index = index(m(1).ds(new DatastoreCapacity(13, true, 100 * GB, 10 * GB),
                new DatastoreCapacity(12, true, 200 * GB, 100 * GB), new DatastoreCapacity(11, false, 900 * GB, 0),
                new DatastoreCapacity(14, true, 90 * GB, 0)));
        // free: 13 -> 90, 12 -> 100, 14 -> 90, 11 disabled
        assertThat(index.place(req(1, 1024)).placement().orElseThrow().datastoreId()).isEqualTo(12);
        index.put(m(1).ds(new DatastoreCapacity(13, true, 100 * GB, 10 * GB), new DatastoreCapacity(14, true, 90 * GB, 0))
                .build());
        assertThat(index.place(req(1, 1024)).placement().orElseThrow().datastoreId()).isEqualTo(13);
    }

    @Test
    void theReasonNamesWhatEliminatedTheMachines() {
        CapacityIndex index = index(m(1).unmanaged(), m(2).type("VMX_04"), m(3).cpus(4, 4), m(4).ram(1024, 0),
                m(5).reservedFor(1));
        String reason = noRoom(index, req(ENT, "KVM", 4, 8192, GB, null, Set.of(), FitPolicy.PROGRESSIVE));
        assertThat(reason).startsWith("no MANAGED KVM machine has 4 CPUs and 8192 MB free within its load rules")
                .contains("of 5 machines", "1 not managed", "1 not KVM", "1 reserved for another enterprise",
                        "1 over their CPU load rule", "1 over their RAM load rule");
        assertThat(noRoom(new CapacityIndex(List.of()), req(1, 1))).contains("of 0 machines");
    }

    // ---- Ranking ----

    @Test
    void progressivePacksAndPerformanceSpreads() {
        CapacityIndex index = index(m(1).cpus(16, 2), m(2).cpus(16, 10), m(3).cpus(16, 6));
        assertThat(placedOn(index, req(ENT, "KVM", 2, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE))).isEqualTo(2);
        assertThat(placedOn(index, req(ENT, "KVM", 2, 1024, GB, null, Set.of(), FitPolicy.PERFORMANCE))).isEqualTo(1);
    }

    @Test
    void theLoadIsTheGreaterOfCpuAndRamAfterPlacingRelativeToTheRule() {
        // machine 1: CPU 2+2/16 = 0.25, RAM 48+8/64 GB = 0.875 -> 0.875
        // machine 2: CPU 10+2/16 = 0.75, RAM 0+8/64 GB = 0.125 -> 0.75
        CapacityIndex index = index(m(1).cpus(16, 2).ram(65536, 49152), m(2).cpus(16, 10));
        PlacementRequest r = req(ENT, "KVM", 2, 8192, GB, null, Set.of(), FitPolicy.PROGRESSIVE);
        assertThat(placedOn(index, r)).isEqualTo(1);
        assertThat(placedOn(index, req(ENT, "KVM", 2, 8192, GB, null, Set.of(), FitPolicy.PERFORMANCE))).isEqualTo(2);
        // with 200% RAM overcommit machine 1's RAM fraction halves: 56/128 = 0.4375 < 0.75
        index.put(m(1).cpus(16, 2).ram(65536, 49152).load(100, 200).build());
        assertThat(placedOn(index, r)).isEqualTo(2);
    }

    @Test
    void equalLoadsGoToTheLowestMachineIdWhateverTheOrder() {
        CapacityIndex index = index(m(9), m(4), m(6));
        assertThat(placedOn(index, req(ENT, "KVM", 1, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE))).isEqualTo(4);
        assertThat(placedOn(index, req(ENT, "KVM", 1, 1024, GB, null, Set.of(), FitPolicy.PERFORMANCE))).isEqualTo(4);
        index.remove(4);
        index.put(m(4).build()); // now last in its bucket
        assertThat(placedOn(index, req(ENT, "KVM", 1, 1024, GB, null, Set.of(), FitPolicy.PERFORMANCE))).isEqualTo(4);
    }

    // ---- Usage ----

    @Test
    void placeChangesNothingAndReserveIsSeenByTheNextPlace() {
        CapacityIndex index = index(m(1).cpus(16, 8), m(2).cpus(16, 9));
        PlacementRequest r = req(ENT, "KVM", 4, 1024, GB, null, Set.of(), FitPolicy.PERFORMANCE);
        Placement p = index.place(r).placement().orElseThrow();
        assertThat(p).isEqualTo(new Placement(1, 1, 10));
        assertThat(index.place(r).placement()).contains(p);
        assertThat(index.machine(1).orElseThrow().cpusUsed()).isEqualTo(8);

        index.reserve(p, r);
        MachineCapacity after = index.machine(1).orElseThrow();
        assertThat(after.cpusUsed()).isEqualTo(12);
        assertThat(after.ramUsedMb()).isEqualTo(1024);
        assertThat(after.datastores().get(0).usedBytes()).isEqualTo(GB);
        assertThat(after.hostsEnterprise(ENT)).isTrue();
        assertThat(after.vmsOf(ENT)).isEqualTo(1);
        assertThat(placedOn(index, r)).isEqualTo(2);
        // the enterprise now counts for exclusions
        assertThat(placedOn(index, req(1, "KVM", 1, 1, 1, null, Set.of(ENT), FitPolicy.PROGRESSIVE))).isEqualTo(2);
    }

    @Test
    void releaseRestoresWhatReserveTook() {
        CapacityIndex index = index(m(1).cpus(16, 8).ram(65536, 1000));
        MachineCapacity before = index.machine(1).orElseThrow();
        PlacementRequest r = req(ENT, "KVM", 8, 4096, 3 * GB, null, Set.of(), FitPolicy.PROGRESSIVE);
        Placement p = index.placeAndReserve(r).placement().orElseThrow();
        assertThat(index.place(r).placement()).isEmpty();

        index.release(p.machineId(), p.datastoreId(), 8, 4096, 3 * GB, ENT);
        MachineCapacity after = index.machine(1).orElseThrow();
        assertThat(after.cpusUsed()).isEqualTo(before.cpusUsed());
        assertThat(after.ramUsedMb()).isEqualTo(before.ramUsedMb());
        assertThat(after.datastores()).isEqualTo(before.datastores());
        assertThat(after.hostsEnterprise(ENT)).isFalse();
        assertThat(index.place(r).placement()).contains(p);
    }

    @Test
    void releaseNeverGoesBelowZeroAndIgnoresUnknownMachines() {
        CapacityIndex index = index(m(1).cpus(16, 2).ram(65536, 100).vms(Map.of(ENT, 1)));
        index.release(1, 10, 5, 5000, 5 * GB, ENT);
        index.release(1, 10, 5, 5000, 5 * GB, ENT);
        index.release(1, 999, 1, 1, 1, 12345);
        index.release(42, 10, 1, 1, 1, ENT);
        MachineCapacity m = index.machine(1).orElseThrow();
        assertThat(m.cpusUsed()).isZero();
        assertThat(m.ramUsedMb()).isZero();
        assertThat(m.datastores().get(0).usedBytes()).isZero();
        assertThat(m.vmsOf(ENT)).isZero();
        assertThat(m.vmsOf(12345)).isZero();
        assertThatThrownBy(() -> index.release(1, 10, -1, 0, 0, ENT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reserveRefusesAPlacementThatNoLongerFitsAndChangesNothing() {
        CapacityIndex index = index(m(1).cpus(4, 0));
        PlacementRequest r = req(ENT, "KVM", 3, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE);
        Placement p = index.place(r).placement().orElseThrow();
        index.reserve(p, r);
        assertThatThrownBy(() -> index.reserve(p, r)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("load rule");
        assertThat(index.machine(1).orElseThrow().cpusUsed()).isEqualTo(3);
        assertThatThrownBy(() -> index.reserve(new Placement(2, 1, 20), r)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.reserve(new Placement(1, 1, 99), req(1, 1)))
                .isInstanceOf(IllegalStateException.class);
        PlacementRequest other = req(ENT, "VMX_04", 1, 1024, GB, null, Set.of(), FitPolicy.PROGRESSIVE);
        assertThatThrownBy(() -> index.reserve(p, other)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void putReplacesRemoveForgetsAndMachineIsASnapshot() {
        CapacityIndex index = index(m(1), m(2));
        assertThat(index.size()).isEqualTo(2);
        index.put(m(1).unmanaged().build());
        assertThat(index.size()).isEqualTo(2);
        assertThat(placedOn(index, req(1, 1))).isEqualTo(2);
        index.remove(2);
        index.remove(2);
        assertThat(index.size()).isEqualTo(1);
        assertThat(index.machine(2)).isEmpty();
        assertThat(noRoom(index, req(1, 1))).contains("1 not managed");

        index.put(m(3).build());
        MachineCapacity snapshot = index.machine(3).orElseThrow();
        index.placeAndReserve(req(2, 2));
        assertThat(snapshot.cpusUsed()).isZero();
        assertThat(index.machine(3).orElseThrow().cpusUsed()).isEqualTo(2);

        // the index keeps its own copy of what it is given
        MachineCapacity given = m(4).type("HYPERV").build();
        index.put(given);
        index.placeAndReserve(req(ENT, "HYPERV", 1, 1, 1, null, Set.of(), FitPolicy.PROGRESSIVE));
        assertThat(given.cpusUsed()).isZero();
    }
}
