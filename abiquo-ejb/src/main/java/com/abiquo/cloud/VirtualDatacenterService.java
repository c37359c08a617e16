package com.abiquo.cloud;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.Datacenter;
import com.abiquo.infrastructure.DatacenterService;
import com.abiquo.infrastructure.HypervisorType;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.security.Caller;
import com.abiquo.tenancy.Enterprise;
import com.abiquo.tenancy.Limits;
import com.abiquo.tenancy.SystemProperty;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Virtual datacenters: created in a datacenter the enterprise has a limit for, with a hypervisor
 * type of that datacenter's machines and a default private network; deleted with their
 * appliances and undeployed machines, never while a machine is deployed.
 */
@Stateless
public class VirtualDatacenterService {

    /** What a client asks for; nulls take defaults (the caller's enterprise, network defaults). */
    public record Request(String name, Integer enterpriseId, Integer datacenterId, String hypervisorType,
            NetworkInput network, Limits limits, boolean force) {
    }

    /** A network as sent; nulls come from {@code client.network.default*}. */
    public record NetworkInput(String name, String address, Integer mask, String gateway, String primaryDns,
            String secondaryDns, String sufixDns) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @EJB
    private CloudAccess access;

    @EJB
    private LimitChecker limits;

    @EJB
    private DatacenterService datacenters;

    public Page<VirtualDatacenter> list(Integer enterpriseId, Integer datacenterId, PageRequest request) {
        PagedQuery<VirtualDatacenter> q = access.visible(PagedQuery.of(em, VirtualDatacenter.class), "")
                .searchable("name").sortable("name").fetching("enterprise", "datacenter", "defaultNetwork");
        if (enterpriseId != null) {
            q.where((cb, v) -> cb.equal(v.get("enterprise").get("id"), enterpriseId));
        }
        if (datacenterId != null) {
            q.where((cb, v) -> cb.equal(v.get("datacenter").get("id"), datacenterId));
        }
        return q.fetch(request);
    }

    public VirtualDatacenter get(Integer id) {
        return access.vdc(id);
    }

    public VirtualDatacenter create(Request r) {
        Integer enterpriseId = r.enterpriseId() != null ? r.enterpriseId() : caller.enterpriseId();
        caller.requireEnterprise(enterpriseId, ApiError.ENTERPRISE_NOT_FOUND);
        Enterprise enterprise = Entities.lock(em, Enterprise.class, enterpriseId, ApiError.ENTERPRISE_NOT_FOUND);
        Datacenter dc = Entities.find(em, Datacenter.class, r.datacenterId(), ApiError.DATACENTER_NOT_FOUND);
        long allowed = em.createQuery("select count(l) from EnterpriseLimit l where l.enterprise = :e "
                + "and l.datacenter = :dc", Long.class).setParameter("e", enterprise).setParameter("dc", dc)
                .getSingleResult();
        if (allowed == 0) {
            if (!caller.administersAllEnterprises()) {
                throw ApiException.of(ApiError.DATACENTER_NOT_FOUND); // not a location of theirs
            }
            throw ApiException.of(ApiError.VDC_DATACENTER_NOT_ALLOWED, dc.getName());
        }
        HypervisorType type = HypervisorType.byName(r.hypervisorType())
                .orElseThrow(() -> ApiException.of(ApiError.VDC_INVALID_HYPERVISOR, String.valueOf(r.hypervisorType())));
        if (!datacenters.hypervisorTypes(dc.getId()).contains(type)) {
            throw ApiException.of(ApiError.VDC_HYPERVISOR_NOT_AVAILABLE, type.name());
        }
        requireUniqueName(enterprise, r.name(), null);
        Limits.requireConsistent(r.limits());
        NetworkInput n = r.network() != null ? r.network() : new NetworkInput(null, null, null, null, null, null, null);
        NetworkSpec spec = NetworkSpec.of(n.name(), n.address(), n.mask(), n.gateway(), n.primaryDns(),
                n.secondaryDns(), n.sufixDns(), networkDefaults());

        VirtualDatacenter vdc = new VirtualDatacenter(r.name(), enterprise, dc, type);
        vdc.getLimits().copyFrom(r.limits());
        limits.check(vdc, new LimitChecker.Usage(0, 0, 0, 0, 1), r.force());
        em.persist(vdc);
        PrivateNetwork network = new PrivateNetwork(vdc, spec);
        em.persist(network);
        vdc.setDefaultNetwork(network);
        return vdc;
    }

    public VirtualDatacenter update(Integer id, String name, Limits newLimits) {
        VirtualDatacenter vdc = access.lockedVdc(id);
        requireUniqueName(vdc.getEnterprise(), name, id);
        Limits.requireConsistent(newLimits);
        vdc.setName(name);
        vdc.getLimits().copyFrom(newLimits);
        return vdc;
    }

    public void delete(Integer id) {
        VirtualDatacenter vdc = access.lockedVdc(id);
        long deployed = em.createQuery("select count(m) from VirtualMachine m where m.virtualAppliance.virtualDatacenter"
                + " = :vdc and m.state <> :na", Long.class).setParameter("vdc", vdc)
                .setParameter("na", VirtualMachineState.NOT_ALLOCATED).getSingleResult();
        if (deployed > 0) {
            throw ApiException.of(ApiError.VDC_HAS_DEPLOYED_VMS);
        }
        for (String sql : List.of(
                "DELETE FROM vdc_ip WHERE network_id IN (SELECT id FROM vdc_network WHERE vdc_id = ?1)",
                "DELETE FROM virtual_machine WHERE vapp_id IN (SELECT id FROM virtual_appliance WHERE vdc_id = ?1)",
                "DELETE FROM virtual_appliance WHERE vdc_id = ?1",
                "UPDATE virtual_datacenter SET default_network_id = NULL WHERE id = ?1",
                "DELETE FROM vdc_network WHERE vdc_id = ?1",
                "DELETE FROM virtual_datacenter WHERE id = ?1")) {
            em.createNativeQuery(sql).setParameter(1, id).executeUpdate();
        }
        em.detach(vdc);
    }

    /** The {@code client.network.default*} system properties, by name. */
    public Map<String, String> networkDefaults() {
        Map<String, String> defaults = new HashMap<>();
        em.createQuery("select p from SystemProperty p where p.id like 'client.network.default%'", SystemProperty.class)
                .getResultList().forEach(p -> defaults.put(p.getName(), p.getValue()));
        return defaults;
    }

    private void requireUniqueName(Enterprise e, String name, Integer except) {
        List<Integer> same = em.createQuery("select v.id from VirtualDatacenter v where v.enterprise = :e "
                + "and v.name = :name", Integer.class).setParameter("e", e).setParameter("name", name).getResultList();
        if (same.stream().anyMatch(i -> !i.equals(except))) {
            throw ApiException.of(ApiError.VDC_DUPLICATED_NAME, name);
        }
    }
}
