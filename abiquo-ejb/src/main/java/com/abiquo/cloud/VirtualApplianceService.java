package com.abiquo.cloud;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Virtual appliances of a virtual datacenter; their state is derived from their machines. */
@Stateless
public class VirtualApplianceService {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CloudAccess access;

    public Page<VirtualAppliance> list(Integer vdcId, PageRequest request) {
        VirtualDatacenter vdc = access.vdc(vdcId);
        return PagedQuery.of(em, VirtualAppliance.class).where((cb, v) -> cb.equal(v.get("virtualDatacenter"), vdc))
                .searchable("name", "description").sortable("name").fetch(request);
    }

    public VirtualAppliance get(Integer vdcId, Integer id) {
        return access.vapp(vdcId, id);
    }

    public VirtualAppliance create(Integer vdcId, String name, String description) {
        VirtualAppliance vapp = new VirtualAppliance(access.vdc(vdcId), name, description);
        em.persist(vapp);
        return vapp;
    }

    public VirtualAppliance update(Integer vdcId, Integer id, String name, String description) {
        VirtualAppliance vapp = access.vapp(vdcId, id);
        vapp.setName(name);
        vapp.setDescription(description);
        return vapp;
    }

    /** Refused while a machine is deployed; undeployed machines (and their IPs) go with it. */
    public void delete(Integer vdcId, Integer id) {
        VirtualAppliance vapp = access.vapp(vdcId, id);
        em.lock(vapp, LockModeType.PESSIMISTIC_WRITE);
        if (VirtualApplianceState.of(em.createQuery("select m.state from VirtualMachine m where m.virtualAppliance = :v",
                VirtualMachineState.class).setParameter("v", vapp).getResultList()) != VirtualApplianceState.NOT_DEPLOYED) {
            throw ApiException.of(ApiError.VAPP_HAS_DEPLOYED_VMS);
        }
        em.createNativeQuery("DELETE FROM vdc_ip WHERE virtual_machine_id IN (SELECT id FROM virtual_machine "
                + "WHERE vapp_id = ?1)").setParameter(1, id).executeUpdate();
        em.createNativeQuery("DELETE FROM virtual_machine WHERE vapp_id = ?1").setParameter(1, id).executeUpdate();
        em.remove(vapp);
    }

    public VirtualApplianceState state(VirtualAppliance vapp) {
        return VirtualApplianceState.of(em.createQuery("select m.state from VirtualMachine m where m.virtualAppliance = :v",
                VirtualMachineState.class).setParameter("v", vapp).getResultList());
    }
}
