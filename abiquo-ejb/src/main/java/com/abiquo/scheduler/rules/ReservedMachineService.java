package com.abiquo.scheduler.rules;

import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.Machine;
import com.abiquo.infrastructure.MachineService;
import com.abiquo.persistence.Entities;
import com.abiquo.tenancy.Enterprise;
import com.abiquo.tenancy.EnterpriseService;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Machines reserved for an enterprise: only its VMs may be placed on them (and, when the
 * enterprise is reservation-restricted, only on them). Deleting the enterprise releases them.
 */
@Stateless
public class ReservedMachineService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private EnterpriseService enterprises;

    @EJB
    private MachineService machines;

    public List<Machine> list(Integer enterpriseId) {
        Enterprise e = enterprises.get(enterpriseId);
        return em.createQuery("select m from Machine m where m.reservedFor = :e order by m.id", Machine.class)
                .setParameter("e", e.getId()).getResultList();
    }

    public Machine get(Integer enterpriseId, Integer machineId) {
        Enterprise e = enterprises.get(enterpriseId);
        Machine m = Entities.find(em, Machine.class, machineId, ApiError.MACHINE_NOT_RESERVED);
        if (!e.getId().equals(m.getReservedFor())) {
            throw ApiException.of(ApiError.MACHINE_NOT_RESERVED);
        }
        return m;
    }

    /**
     * Reserves the machine {@code [dc, rack, machine]} for the enterprise; reserving it again for
     * the same enterprise changes nothing, for another one is a conflict.
     */
    public Machine reserve(Integer enterpriseId, int[] machinePath) {
        Enterprise e = enterprises.get(enterpriseId);
        Machine m = machines.get(machinePath[0], machinePath[1], machinePath[2]);
        em.refresh(m, LockModeType.PESSIMISTIC_WRITE);
        if (m.getReservedFor() != null && !m.getReservedFor().equals(e.getId())) {
            throw ApiException.of(ApiError.MACHINE_RESERVED_BY_OTHER);
        }
        m.setReservedFor(e.getId());
        return m;
    }

    public void release(Integer enterpriseId, Integer machineId) {
        Machine m = get(enterpriseId, machineId);
        em.refresh(m, LockModeType.PESSIMISTIC_WRITE);
        if (!enterpriseId.equals(m.getReservedFor())) {
            throw ApiException.of(ApiError.MACHINE_NOT_RESERVED);
        }
        m.setReservedFor(null);
    }
}
