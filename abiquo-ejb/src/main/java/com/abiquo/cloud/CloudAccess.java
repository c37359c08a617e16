package com.abiquo.cloud;

import java.util.Arrays;
import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.security.Caller;
import com.abiquo.security.Privilege;
import com.abiquo.tenancy.Enterprise;
import com.abiquo.tenancy.User;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.Path;

/**
 * Which virtual datacenters the caller may see, written once: a cloud administrator all; anyone
 * else those of their enterprise, and a user without VDC_MANAGE (not an enterprise administrator)
 * only those of their {@code availableVirtualDatacenters} when it is set. Anything else answers
 * 404, the same as an id that does not exist.
 */
@Stateless
public class CloudAccess {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** The ids the caller is restricted to, or null when only the enterprise counts. */
    public List<Integer> restrictedTo() {
        if (caller.administersAllEnterprises() || caller.has(Privilege.VDC_MANAGE)) {
            return null;
        }
        User user = em.find(User.class, caller.userId());
        String available = user == null ? "" : user.getAvailableVirtualDatacenters().trim();
        if (available.isEmpty()) {
            return null;
        }
        return Arrays.stream(available.split(",")).map(String::trim).filter(s -> s.matches("\\d{1,9}"))
                .map(Integer::valueOf).toList();
    }

    /** Restricts a query to the visible virtual datacenters, {@code vdc} being the path to them. */
    public <T> PagedQuery<T> visible(PagedQuery<T> query, String vdcPath) {
        if (caller.administersAllEnterprises()) {
            return query;
        }
        Integer enterprise = caller.enterpriseId();
        List<Integer> restricted = restrictedTo();
        query.where((cb, root) -> cb.equal(path(root, vdcPath + ".enterprise.id"), enterprise));
        if (restricted != null) {
            query.where((cb, root) -> restricted.isEmpty() ? cb.disjunction() : path(root, vdcPath + ".id").in(restricted));
        }
        return query;
    }

    public boolean canSee(VirtualDatacenter vdc) {
        if (caller.administersAllEnterprises()) {
            return true;
        }
        if (!caller.belongsTo(vdc.getEnterprise().getId())) {
            return false;
        }
        List<Integer> restricted = restrictedTo();
        return restricted == null || restricted.contains(vdc.getId());
    }

    public VirtualDatacenter vdc(Integer id) {
        VirtualDatacenter vdc = Entities.find(em, VirtualDatacenter.class, id, ApiError.VDC_NOT_FOUND);
        if (!canSee(vdc)) {
            throw ApiException.of(ApiError.VDC_NOT_FOUND);
        }
        return vdc;
    }

    /** The same, with its enterprise's row and its own locked until the transaction ends (deletes, limit checks). */
    public VirtualDatacenter lockedVdc(Integer id) {
        VirtualDatacenter vdc = vdc(id);
        lockScope(vdc);
        return vdc;
    }

    /**
     * Locks (PESSIMISTIC_WRITE, until the transaction ends) what limits are counted under: the
     * enterprise row, then the virtual datacenter's (when it exists). Whatever checks limits takes
     * these first and only then locks machines, always in this order (enterprise, VDC, VM), so
     * that two checks of one enterprise serialize and never deadlock. Locking again is free.
     */
    public void lockScope(VirtualDatacenter vdc) {
        lock(em.find(Enterprise.class, vdc.getEnterprise().getId()));
        if (vdc.getId() != null) {
            lock(vdc);
        }
    }

    /**
     * Locks a row read earlier in the transaction and reads it again: a refresh, not
     * {@code em.lock}, which would fail with an optimistic lock error when another transaction
     * (the leader placing a VM) changed its version meanwhile; the lock is what serializes.
     */
    private void lock(Object entity) {
        if (em.getLockMode(entity) != LockModeType.PESSIMISTIC_WRITE) {
            em.refresh(entity, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    public VirtualAppliance vapp(Integer vdcId, Integer id) {
        VirtualDatacenter vdc = vdc(vdcId);
        return Entities.findChild(em, VirtualAppliance.class, id, v -> v.getVirtualDatacenter().getId(), vdc.getId(),
                ApiError.VAPP_NOT_FOUND);
    }

    public VirtualMachine vm(Integer vdcId, Integer vappId, Integer id) {
        VirtualMachine vm = VirtualMachine.findWithScope(em, vdcId, vappId, id).orElse(null);
        if (vm == null) { // which of the three is missing decides the error
            VirtualAppliance vapp = vapp(vdcId, vappId);
            return Entities.findChild(em, VirtualMachine.class, id, v -> v.getVirtualAppliance().getId(), vapp.getId(),
                    ApiError.VM_NOT_FOUND);
        }
        if (!canSee(vm.getVirtualAppliance().getVirtualDatacenter())) {
            throw ApiException.of(ApiError.VDC_NOT_FOUND);
        }
        return vm;
    }

    private static Path<Object> path(jakarta.persistence.criteria.Root<?> root, String dotted) {
        Path<Object> p = null;
        for (String part : dotted.split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            p = p == null ? root.get(part) : p.get(part);
        }
        return p;
    }
}
