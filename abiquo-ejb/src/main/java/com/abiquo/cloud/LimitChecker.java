package com.abiquo.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.tenancy.EnterpriseLimit;
import com.abiquo.tenancy.Limits;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Limits where they bite: what a request adds (VMs, CPU, RAM, disk, VLANs) on top of what the
 * enterprise, its allowance in the datacenter and the virtual datacenter already use. A hard
 * limit exceeded is 409 LIMIT-0, always; a soft one is 409 LIMIT-0 unless forced, and then a
 * warning. 0 means unlimited. Callers that also lock machines take {@link CloudAccess#lockScope}
 * before them.
 */
@Stateless
public class LimitChecker {

    /** Amounts used or requested. */
    public record Usage(long vms, long cpu, long ramMb, long hdMb, long vlans) {
        public static final Usage NONE = new Usage(0, 0, 0, 0, 0);
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Warnings warnings;

    @EJB
    private CloudAccess access;

    public void check(VirtualDatacenter vdc, Usage delta, boolean force) {
        check(vdc, delta, force, "");
    }

    /**
     * At deploy, Abiquo's limits count what is deployed: the VMs of the VDC, enterprise and
     * datacenter that are not NOT_ALLOCATED, plus this one (so a limit lowered since the VM was
     * created is enforced when it would start to use resources).
     */
    public void checkDeploy(VirtualMachine vm, boolean force) {
        check(vm.getVirtualAppliance().getVirtualDatacenter(),
                new Usage(1, vm.getCpu(), vm.getRam(), vm.getHd() / (1024 * 1024), 0), force, DEPLOYED_ONLY);
    }

    private static final String DEPLOYED_ONLY = " and m.state <> com.abiquo.cloud.VirtualMachineState.NOT_ALLOCATED";

    /**
     * Usage is read with the enterprise and VDC rows locked (see {@link CloudAccess#lockScope}):
     * two requests of one enterprise check one after the other, each seeing what the other added.
     */
    private void check(VirtualDatacenter vdc, Usage delta, boolean force, String vmFilter) {
        access.lockScope(vdc);
        List<String> hard = new ArrayList<>();
        List<String> soft = new ArrayList<>();
        Integer e = vdc.getEnterprise().getId();
        Integer dc = vdc.getDatacenter().getId();
        compare("enterprise", vdc.getEnterprise().getLimits(), () -> usage("vdc.enterprise.id = :id", e, vmFilter), delta,
                hard, soft);
        EnterpriseLimit dcLimit = em.createQuery("select l from EnterpriseLimit l where l.enterprise.id = :e "
                + "and l.datacenter.id = :dc", EnterpriseLimit.class).setParameter("e", e).setParameter("dc", dc)
                .getResultStream().findFirst().orElse(null);
        if (dcLimit != null) {
            compare("datacenter '" + vdc.getDatacenter().getName() + "'", dcLimit.getLimits(),
                    () -> usageIn(e, dc, vmFilter), delta, hard, soft);
        }
        if (vdc.getId() != null) {
            compare("virtual datacenter '" + vdc.getName() + "'", vdc.getLimits(),
                    () -> usage("vdc.id = :id", vdc.getId(), vmFilter), delta, hard, soft);
        }
        if (!hard.isEmpty()) {
            throw ApiException.of(ApiError.LIMIT_EXCEEDED, String.join("; ", hard));
        }
        if (!soft.isEmpty()) {
            if (!force) {
                throw ApiException.of(ApiError.LIMIT_EXCEEDED, String.join("; ", soft)
                        + " (repeat the request with force=true to go over a soft limit)");
            }
            soft.forEach(s -> warnings.add("LIMIT-0: " + s));
        }
    }

    private Usage usage(String where, Integer id, String vmFilter) {
        Object[] vm = em.createQuery("select count(m), coalesce(sum(m.cpu), 0), coalesce(sum(m.ram), 0), "
                + "coalesce(sum(m.hd), 0) from VirtualMachine m join m.virtualAppliance va join va.virtualDatacenter vdc "
                + "where " + where + vmFilter, Object[].class).setParameter("id", id).getSingleResult();
        long vlans = em.createQuery("select count(n) from PrivateNetwork n join n.virtualDatacenter vdc where " + where,
                Long.class).setParameter("id", id).getSingleResult();
        return new Usage(num(vm[0]), num(vm[1]), num(vm[2]), num(vm[3]) / (1024 * 1024), vlans);
    }

    private Usage usageIn(Integer enterprise, Integer datacenter, String vmFilter) {
        Object[] vm = em.createQuery("select count(m), coalesce(sum(m.cpu), 0), coalesce(sum(m.ram), 0), "
                + "coalesce(sum(m.hd), 0) from VirtualMachine m join m.virtualAppliance va join va.virtualDatacenter vdc "
                + "where vdc.enterprise.id = :e and vdc.datacenter.id = :dc" + vmFilter, Object[].class)
                .setParameter("e", enterprise).setParameter("dc", datacenter).getSingleResult();
        long vlans = em.createQuery("select count(n) from PrivateNetwork n join n.virtualDatacenter vdc "
                + "where vdc.enterprise.id = :e and vdc.datacenter.id = :dc", Long.class)
                .setParameter("e", enterprise).setParameter("dc", datacenter).getSingleResult();
        return new Usage(num(vm[0]), num(vm[1]), num(vm[2]), num(vm[3]) / (1024 * 1024), vlans);
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    /**
     * Compares what the scope would use with its limits; the usage (aggregates over every VM of the
     * scope, read while the scope is locked) is read only when a limit bounds what grows: with no
     * limits, the common case, a deploy holds its enterprise's lock for much less time.
     */
    private static void compare(String scope, Limits l, Supplier<Usage> usage, Usage delta, List<String> hard,
            List<String> soft) {
        if (!bounds(l, delta)) {
            return;
        }
        Usage used = usage.get();
        one(scope, "virtual machines", l.getVmsSoft(), l.getVmsHard(), used.vms(), delta.vms(), hard, soft);
        one(scope, "CPU", l.getCpuSoft(), l.getCpuHard(), used.cpu(), delta.cpu(), hard, soft);
        one(scope, "RAM (MB)", l.getRamSoftMb(), l.getRamHardMb(), used.ramMb(), delta.ramMb(), hard, soft);
        one(scope, "disk (MB)", l.getDiskSoftMb(), l.getDiskHardMb(), used.hdMb(), delta.hdMb(), hard, soft);
        one(scope, "VLANs", l.getVlansSoft(), l.getVlansHard(), used.vlans(), delta.vlans(), hard, soft);
    }

    /** Whether a soft or hard limit (0 = none) bounds one of the quantities that grow. */
    static boolean bounds(Limits l, Usage delta) {
        return delta.vms() > 0 && (l.getVmsSoft() != 0 || l.getVmsHard() != 0)
                || delta.cpu() > 0 && (l.getCpuSoft() != 0 || l.getCpuHard() != 0)
                || delta.ramMb() > 0 && (l.getRamSoftMb() != 0 || l.getRamHardMb() != 0)
                || delta.hdMb() > 0 && (l.getDiskSoftMb() != 0 || l.getDiskHardMb() != 0)
                || delta.vlans() > 0 && (l.getVlansSoft() != 0 || l.getVlansHard() != 0);
    }

    private static void one(String scope, String what, long softLimit, long hardLimit, long used, long delta,
            List<String> hard, List<String> soft) {
        if (delta <= 0) {
            return;
        }
        long wanted = used + delta;
        if (hardLimit != 0 && wanted > hardLimit) {
            hard.add("hard limit of " + what + " of the " + scope + " (" + hardLimit + ", would be " + wanted + ")");
        } else if (softLimit != 0 && wanted > softLimit) {
            soft.add("soft limit of " + what + " of the " + scope + " (" + softLimit + ", would be " + wanted + ")");
        }
    }
}
