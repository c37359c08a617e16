package com.abiquo.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import com.abiquo.infrastructure.Datastore;
import com.abiquo.infrastructure.Machine;
import com.abiquo.infrastructure.MachineState;
import com.abiquo.scheduler.placement.CapacityIndex;
import com.abiquo.scheduler.placement.DatastoreCapacity;
import com.abiquo.scheduler.placement.MachineCapacity;
import com.abiquo.scheduler.rules.LoadLevel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The leader's in-memory capacity of each datacenter's machines, so that a placement is a scan of
 * memory rather than queries. Loaded from kinton on first use, again after a minute (machines and
 * rules change through any API node) and whenever a transaction that changed it rolled back. It
 * only proposes: every reservation is checked again on the locked machine row, so a stale index
 * can cost a retry, never an overcommitted machine.
 */
@ApplicationScoped
public class CapacityIndexes {

    private static final Logger LOG = Logger.getLogger(CapacityIndexes.class.getName());

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    private record Loaded(CapacityIndex index, Instant at) {
    }

    private final Map<Integer, Loaded> byDatacenter = new ConcurrentHashMap<>();

    /** The datacenter's index, loaded through {@code em} when missing or old. */
    public CapacityIndex of(int datacenterId, EntityManager em) {
        Loaded l = byDatacenter.get(datacenterId);
        if (l == null || l.at().plus(MAX_AGE).isBefore(Instant.now())) {
            l = new Loaded(load(datacenterId, em), Instant.now());
            byDatacenter.put(datacenterId, l);
        }
        return l.index();
    }

    /** The index was changed by a transaction that did not commit, or proved stale: reload it next time. */
    public void invalidate(int datacenterId) {
        byDatacenter.remove(datacenterId);
    }

    public Optional<CapacityIndex> loaded(int datacenterId) {
        return Optional.ofNullable(byDatacenter.get(datacenterId)).map(Loaded::index);
    }

    private static CapacityIndex load(int datacenterId, EntityManager em) {
        long started = System.nanoTime();
        List<Machine> machines = em.createQuery("select distinct m from Machine m left join fetch m.datastores "
                + "join fetch m.rack where m.datacenter.id = :dc", Machine.class).setParameter("dc", datacenterId)
                .getResultList();
        LoadRuleTable rules = LoadRuleTable.read(em);
        Map<Integer, Map<Integer, Integer>> tenants = new HashMap<>();
        for (Object[] row : em.createQuery("select vm.machine.id, vdc.enterprise.id, count(vm) from VirtualMachine vm "
                + "join vm.virtualAppliance va join va.virtualDatacenter vdc where vm.machine.datacenter.id = :dc "
                + "group by vm.machine.id, vdc.enterprise.id", Object[].class).setParameter("dc", datacenterId)
                .getResultList()) {
            tenants.computeIfAbsent((Integer) row[0], k -> new HashMap<>()).put((Integer) row[1],
                    ((Number) row[2]).intValue());
        }
        List<MachineCapacity> capacities = new ArrayList<>(machines.size());
        for (Machine m : machines) {
            capacities.add(capacity(m, rules.levelOf(m.getId(), m.getRack().getId(), datacenterId),
                    tenants.getOrDefault(m.getId(), Map.of())));
        }
        CapacityIndex index = new CapacityIndex(capacities);
        LOG.info(() -> "Capacity of datacenter " + datacenterId + " loaded: " + machines.size() + " machines in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return index;
    }

    static MachineCapacity capacity(Machine m, LoadLevel level, Map<Integer, Integer> vmsPerEnterprise) {
        List<DatastoreCapacity> datastores = new ArrayList<>();
        for (Datastore d : m.getDatastores()) {
            datastores.add(new DatastoreCapacity(d.getId(), d.isEnabled(), d.getSize(), d.getUsedSize()));
        }
        return new MachineCapacity(m.getId(), m.getRack().getId(), m.getHypervisorType().name(),
                m.getState() == MachineState.MANAGED, m.getReservedFor(), m.getVirtualCpuCores(), m.getVirtualCpusUsed(),
                m.getVirtualRamInMb(), m.getVirtualRamUsedInMb(), level, datastores, vmsPerEnterprise);
    }
}
