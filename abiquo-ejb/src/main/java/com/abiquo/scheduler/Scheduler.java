package com.abiquo.scheduler;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import com.abiquo.cloud.VirtualDatacenter;
import com.abiquo.cloud.VirtualMachine;
import com.abiquo.infrastructure.Datastore;
import com.abiquo.infrastructure.Machine;
import com.abiquo.infrastructure.MachineState;
import com.abiquo.persistence.AfterCommit;
import com.abiquo.scheduler.placement.CapacityIndex;
import com.abiquo.scheduler.placement.Placement;
import com.abiquo.scheduler.placement.PlacementRequest;
import com.abiquo.scheduler.placement.PlacementResult;
import com.abiquo.scheduler.rules.EnterpriseExclusionRuleService;
import com.abiquo.scheduler.rules.FitPolicy;
import com.abiquo.scheduler.rules.FitPolicyRuleService;
import com.abiquo.scheduler.rules.LoadLevel;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Abiquo's allocator on the leader: chooses a machine for a VM (capacity index: rack of the VDC,
 * else the racks with free VLAN tags, most free first ({@link RackVlans}); hypervisor type,
 * MANAGED, reservations, exclusions, load rules, datastore room, fit policy) and
 * reserves its CPU, RAM and disk there in the caller's fenced transaction, after checking the
 * choice again on the locked machine row. Releases the reservation when the VM leaves the machine.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    /** Placements tried on one rack while kinton refuses the index's choice (each refusal reloads it). */
    private static final int ATTEMPTS = 3;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry registry;

    @Inject
    private CapacityIndexes indexes;

    @Inject
    private AfterCommit afterCommit;

    @EJB
    private RackVlans vlans;

    @EJB
    private FitPolicyRuleService fitPolicies;

    @EJB
    private EnterpriseExclusionRuleService exclusions;

    /**
     * Places the VM and reserves its resources, or says why there is no room.
     *
     * @return empty when placed (the VM is on its machine now), else the reason
     */
    public Optional<String> place(VirtualMachine vm) {
        VirtualDatacenter vdc = vm.getVirtualAppliance().getVirtualDatacenter();
        RackVlans.Candidates candidates = vlans.candidates(vdc);
        if (candidates.racks().isEmpty()) {
            return Optional.of(vdc.getRack() == null
                    ? "no rack of datacenter " + vdc.getDatacenter().getId() + " has a free VLAN tag for each private "
                            + "network of virtual datacenter " + vdc.getId()
                    : "rack " + vdc.getRack().getId() + " of virtual datacenter " + vdc.getId()
                            + " has no free VLAN tag left for its new private networks");
        }
        int datacenterId = vdc.getDatacenter().getId();
        int enterpriseId = vdc.getEnterprise().getId();
        SchedulingRules rules = rules();
        Set<Integer> excluded = rules.excludedWith(enterpriseId);
        FitPolicy fitPolicy = rules.fitPolicy(datacenterId);
        String reason = null;
        // a second pass on a freshly loaded index before saying there is no room (the index may be stale)
        for (int pass = 1; pass <= 2; pass++) {
            for (int rackId : candidates.racks()) {
                PlacementRequest request = new PlacementRequest(enterpriseId, vdc.getHypervisorType().name(),
                        vm.getCpu(), vm.getRam(), vm.getHd(), rackId, excluded, fitPolicy);
                Optional<String> refused = placeOnRack(vm, request, datacenterId, rules);
                if (refused.isEmpty()) {
                    if (vdc.getRack() == null) {
                        vdc.setRack(em.getReference(com.abiquo.infrastructure.Rack.class, rackId));
                    }
                    vlans.tag(vdc, candidates, rackId);
                    return refused;
                }
                reason = refused.get();
            }
            if (pass == 1) {
                indexes.invalidate(datacenterId);
            }
        }
        return Optional.of(reason);
    }

    /** Places the VM on a machine of the request's rack and reserves, or says why not. */
    private Optional<String> placeOnRack(VirtualMachine vm, PlacementRequest request, int datacenterId,
            SchedulingRules rules) {
        String reason = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            CapacityIndex index = indexes.of(datacenterId, em);
            PlacementResult result = index.placeAndReserve(request);
            if (result.placement().isEmpty()) {
                return Optional.of(result.noRoomReason());
            }
            Placement p = result.placement().get();
            Optional<String> refused = reserve(vm, p, request, rules.loadLevel(p.machineId(), request.requiredRackId(),
                    datacenterId));
            if (refused.isEmpty()) {
                afterCommit.then(null, () -> indexes.invalidate(datacenterId));
                return Optional.empty();
            }
            reason = refused.get();
            LOG.info("Placement on machine " + p.machineId() + " refused by kinton (" + reason + "): reloading capacity");
            indexes.invalidate(datacenterId);
        }
        return Optional.of(reason);
    }

    /**
     * Reserves on the machine and datastore the index chose, each with one conditional update that
     * checks the row as it is (the truth) and takes its lock: MANAGED, the hypervisor type, not
     * reserved for another enterprise, CPU and RAM within the load rule, the datastore enabled, on
     * the machine and with room. When an update finds nothing to change, the reason is read then
     * (the rare path) and whatever was reserved is given back.
     */
    private Optional<String> reserve(VirtualMachine vm, Placement p, PlacementRequest request, LoadLevel level) {
        Set<Integer> excluded = request.excludedEnterprises();
        if (!excluded.isEmpty() && em.createQuery("select count(vm) from VirtualMachine vm join vm.virtualAppliance va "
                + "join va.virtualDatacenter vdc where vm.machine.id = :m and vdc.enterprise.id in :excluded", Long.class)
                .setParameter("m", p.machineId()).setParameter("excluded", excluded).getSingleResult() > 0) {
            return Optional.of("machine " + p.machineId() + " hosts VMs of an excluded enterprise");
        }
        int machine = em.createNativeQuery("UPDATE physicalmachine SET cpu_used = cpu_used + ?, "
                + "ram_used_mb = ram_used_mb + ? WHERE id = ? AND state = 'MANAGED' AND hypervisor_type = ? "
                + "AND (enterprise_id IS NULL OR enterprise_id = ?) AND cpu_used + ? <= (cpu * ?) DIV 100 "
                + "AND ram_used_mb + ? <= (ram_mb * ?) DIV 100")
                .setParameter(1, request.cpus()).setParameter(2, request.ramMb()).setParameter(3, p.machineId())
                .setParameter(4, request.hypervisorType()).setParameter(5, request.enterpriseId())
                .setParameter(6, request.cpus()).setParameter(7, level.cpuLoadPercentage())
                .setParameter(8, request.ramMb()).setParameter(9, level.ramLoadPercentage()).executeUpdate();
        if (machine == 0) {
            return Optional.of(machineRefusal(p.machineId(), request, level));
        }
        int datastore = em.createNativeQuery("UPDATE datastore SET used_size_bytes = used_size_bytes + ? "
                + "WHERE id = ? AND machine_id = ? AND enabled AND size_bytes - used_size_bytes >= ?")
                .setParameter(1, request.hdBytes()).setParameter(2, p.datastoreId()).setParameter(3, p.machineId())
                .setParameter(4, request.hdBytes()).executeUpdate();
        if (datastore == 0) {
            changeUsage(p.machineId(), null, -request.cpus(), -request.ramMb(), 0);
            return Optional.of("datastore " + p.datastoreId() + " has no room");
        }
        vm.placeOn(em.getReference(Machine.class, p.machineId()), em.getReference(Datastore.class, p.datastoreId()));
        return Optional.empty();
    }

    /** Why the machine's row refused a reservation (read after the refusal, for the task's error). */
    private String machineRefusal(int machineId, PlacementRequest request, LoadLevel level) {
        Machine m = em.find(Machine.class, machineId);
        if (m == null) {
            return "machine " + machineId + " no longer exists";
        }
        em.refresh(m);
        if (m.getState() != MachineState.MANAGED || !m.getHypervisorType().name().equals(request.hypervisorType())) {
            return "machine " + m.getId() + " is " + m.getState() + " " + m.getHypervisorType();
        }
        if (m.getReservedFor() != null && m.getReservedFor() != request.enterpriseId()) {
            return "machine " + m.getId() + " is reserved for another enterprise";
        }
        return "machine " + m.getId() + " has no CPU or RAM left within its load rule (" + level.cpuLoadPercentage()
                + "% CPU, " + level.ramLoadPercentage() + "% RAM)";
    }

    /**
     * Grows or shrinks the VM's reservation on its machine (a reconfigure), within the machine's
     * load rule; the VM takes the new CPU and RAM.
     *
     * @return empty when done, else why the machine cannot take it
     */
    public Optional<String> resize(VirtualMachine vm, int cpu, int ram) {
        Machine m = em.find(Machine.class, vm.getMachine().getId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(m);
        int dCpu = cpu - vm.getCpu();
        int dRam = ram - vm.getRam();
        LoadLevel level = rules().loadLevel(m.getId(), m.getRack().getId(), m.getDatacenter().getId());
        if ((dCpu > 0 && m.getVirtualCpusUsed() + (long) dCpu > level.maxCpus(m.getVirtualCpuCores()))
                || (dRam > 0 && m.getVirtualRamUsedInMb() + (long) dRam > level.maxRamInMb(m.getVirtualRamInMb()))) {
            return Optional.of("machine " + m.getName() + " has no room for " + cpu + " CPUs and " + ram
                    + " MB within its load rule");
        }
        changeUsage(m.getId(), vm.getDatastore() == null ? null : vm.getDatastore().getId(), dCpu, dRam, 0);
        vm.setCpu(cpu);
        vm.setRam(ram);
        indexes.invalidate(m.getDatacenter().getId());
        return Optional.empty();
    }

    /** The VM left its machine: its CPU, RAM and disk are free again there. */
    public void release(VirtualMachine vm) {
        Machine m = vm.getMachine();
        if (m == null) {
            return;
        }
        Datastore d = vm.getDatastore();
        int datacenterId = m.getDatacenter().getId();
        int enterpriseId = vm.getVirtualAppliance().getVirtualDatacenter().getEnterprise().getId();
        changeUsage(m.getId(), d == null ? null : d.getId(), -vm.getCpu(), -vm.getRam(), -vm.getHd());
        vm.placeOn(null, null);
        indexes.loaded(datacenterId).ifPresent(index -> index.release(m.getId(), d == null ? 0 : d.getId(), vm.getCpu(),
                vm.getRam(), d == null ? 0 : vm.getHd(), enterpriseId));
        afterCommit.then(null, () -> indexes.invalidate(datacenterId));
    }

    /** The allocation rules of this transaction, read at its first placement (see {@link SchedulingRules}). */
    private SchedulingRules rules() {
        SchedulingRules rules = (SchedulingRules) registry.getResource(SchedulingRules.class);
        if (rules == null) {
            rules = new SchedulingRules(em, fitPolicies, exclusions);
            registry.putResource(SchedulingRules.class, rules);
        }
        return rules;
    }

    private void changeUsage(int machineId, Integer datastoreId, int cpu, int ram, long hd) {
        em.createNativeQuery("UPDATE physicalmachine SET cpu_used = GREATEST(0, cpu_used + ?), "
                + "ram_used_mb = GREATEST(0, ram_used_mb + ?) WHERE id = ?").setParameter(1, cpu).setParameter(2, ram)
                .setParameter(3, machineId).executeUpdate();
        if (datastoreId != null && hd != 0) {
            em.createNativeQuery("UPDATE datastore SET used_size_bytes = GREATEST(0, used_size_bytes + ?) WHERE id = ?")
                    .setParameter(1, hd).setParameter(2, datastoreId).executeUpdate();
        }
    }
}
