package com.abiquo.cloud;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.Datacenter;
import com.abiquo.infrastructure.HypervisorType;
import com.abiquo.infrastructure.RemoteService;
import com.abiquo.infrastructure.RemoteServiceType;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.security.Caller;
import com.abiquo.tenancy.Enterprise;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Datacenter repositories (one per datacenter the enterprise has a limit in; its id is the
 * datacenter's) and their templates, imported from the datacenter's appliance manager catalogue.
 */
@Stateless
public class TemplateService {

    /** What an update may change; nulls keep the current value. */
    public record Changes(String name, String description, Integer cpuRequired, Integer ramRequired, Long hdRequired,
            String category, String iconUrl) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @EJB
    private CloudAccess access;

    public Page<Datacenter> repositories(Integer enterpriseId, PageRequest request) {
        Enterprise e = enterprise(enterpriseId);
        List<Integer> allowed = em.createQuery("select l.datacenter.id from EnterpriseLimit l where l.enterprise = :e",
                Integer.class).setParameter("e", e).getResultList();
        return PagedQuery.of(em, Datacenter.class).where((cb, d) -> allowed.isEmpty() ? cb.disjunction()
                : d.get("id").in(allowed)).searchable("name").sortable("name").fetch(request);
    }

    /** A repository: the datacenter, when the enterprise has a limit there. */
    public Datacenter repository(Integer enterpriseId, Integer datacenterId) {
        Enterprise e = enterprise(enterpriseId);
        return em.createQuery("select l.datacenter from EnterpriseLimit l where l.enterprise = :e and l.datacenter.id = :dc",
                Datacenter.class).setParameter("e", e).setParameter("dc", datacenterId).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.of(ApiError.TEMPLATE_REPOSITORY_NOT_FOUND));
    }

    /** Where the catalogue is read from: the datacenter's APPLIANCE_MANAGER remote service. */
    public String applianceManagerUri(Integer enterpriseId, Integer datacenterId) {
        Datacenter dc = repository(enterpriseId, datacenterId);
        return em.createQuery("select r from RemoteService r where r.datacenter = :dc and r.type = :t", RemoteService.class)
                .setParameter("dc", dc).setParameter("t", RemoteServiceType.APPLIANCE_MANAGER).getResultStream()
                .findFirst().map(RemoteService::getUri)
                .orElseThrow(() -> ApiException.of(ApiError.TEMPLATE_NO_APPLIANCE_MANAGER));
    }

    /** Imports the catalogue: new templates are added, known ones (same path) updated in place. */
    public Datacenter importCatalogue(Integer enterpriseId, Integer datacenterId, List<TemplateSpec> catalogue) {
        Datacenter dc = repository(enterpriseId, datacenterId);
        Enterprise e = em.find(Enterprise.class, enterpriseId, LockModeType.PESSIMISTIC_WRITE);
        catalogue.forEach(TemplateSpec::validate);
        Map<String, VirtualMachineTemplate> known = new HashMap<>();
        em.createQuery("select t from VirtualMachineTemplate t where t.enterprise = :e and t.datacenter = :dc",
                VirtualMachineTemplate.class).setParameter("e", e).setParameter("dc", dc).getResultList()
                .forEach(t -> known.put(t.getPath(), t));
        for (TemplateSpec spec : catalogue) {
            VirtualMachineTemplate t = known.get(spec.path());
            if (t == null) {
                t = new VirtualMachineTemplate(e, dc, spec.path());
                t.importFrom(spec);
                em.persist(t);
                known.put(spec.path(), t);
            } else {
                t.importFrom(spec);
            }
        }
        return dc;
    }

    public Page<VirtualMachineTemplate> list(Integer enterpriseId, Integer datacenterId, String hypervisorTypeName,
            String categoryName, PageRequest request) {
        Datacenter dc = repository(enterpriseId, datacenterId);
        PagedQuery<VirtualMachineTemplate> q = PagedQuery.of(em, VirtualMachineTemplate.class)
                .where((cb, t) -> cb.equal(t.get("enterprise").get("id"), enterpriseId))
                .where((cb, t) -> cb.equal(t.get("datacenter"), dc));
        if (hypervisorTypeName != null && !hypervisorTypeName.isBlank()) {
            HypervisorType type = HypervisorType.byName(hypervisorTypeName).orElseThrow(() -> ApiException.of(
                    ApiError.QUERY_INVALID_PARAMETER, "hypervisorTypeName", "unknown hypervisor type"));
            q.where((cb, t) -> t.get("diskFormat").in(type.compatibleFormats()));
        }
        if (categoryName != null && !categoryName.isBlank()) {
            q.where((cb, t) -> cb.equal(t.get("category"), categoryName.trim()));
        }
        return sorted(q).fetch(request);
    }

    /** The templates a virtual datacenter can use: same enterprise and datacenter, compatible disk format. */
    public Page<VirtualMachineTemplate> usable(Integer vdcId, PageRequest request) {
        VirtualDatacenter vdc = access.vdc(vdcId);
        return sorted(PagedQuery.of(em, VirtualMachineTemplate.class)
                .where((cb, t) -> cb.equal(t.get("enterprise"), vdc.getEnterprise()))
                .where((cb, t) -> cb.equal(t.get("datacenter"), vdc.getDatacenter()))
                .where((cb, t) -> t.get("diskFormat").in(vdc.getHypervisorType().compatibleFormats()))).fetch(request);
    }

    public VirtualMachineTemplate get(Integer enterpriseId, Integer datacenterId, Integer id) {
        Datacenter dc = repository(enterpriseId, datacenterId);
        VirtualMachineTemplate t = Entities.find(em, VirtualMachineTemplate.class, id, ApiError.TEMPLATE_NOT_FOUND);
        if (!t.getEnterprise().getId().equals(enterpriseId) || !t.getDatacenter().getId().equals(dc.getId())) {
            throw ApiException.of(ApiError.TEMPLATE_NOT_FOUND);
        }
        return t;
    }

    public VirtualMachineTemplate update(Integer enterpriseId, Integer datacenterId, Integer id, Changes c) {
        VirtualMachineTemplate t = get(enterpriseId, datacenterId, id);
        if (c.name() != null) {
            if (c.name().isBlank()) {
                throw ApiException.of(ApiError.TEMPLATE_INVALID, "the name cannot be empty");
            }
            t.setName(c.name().trim());
        }
        if (c.description() != null) {
            t.setDescription(c.description());
        }
        if (c.cpuRequired() != null) {
            t.setCpuRequired(positive("cpuRequired", c.cpuRequired()));
        }
        if (c.ramRequired() != null) {
            t.setRamRequired(positive("ramRequired", c.ramRequired()));
        }
        if (c.hdRequired() != null) {
            if (c.hdRequired() <= 0) {
                throw ApiException.of(ApiError.TEMPLATE_INVALID, "hdRequired must be positive");
            }
            t.setHdRequired(c.hdRequired());
        }
        if (c.category() != null) {
            t.setCategory(c.category().trim());
        }
        if (c.iconUrl() != null) {
            t.setIconUrl(c.iconUrl().trim());
        }
        return t;
    }

    public void delete(Integer enterpriseId, Integer datacenterId, Integer id) {
        VirtualMachineTemplate t = get(enterpriseId, datacenterId, id);
        em.lock(t, LockModeType.PESSIMISTIC_WRITE);
        long used = em.createQuery("select count(m) from VirtualMachine m where m.template = :t", Long.class)
                .setParameter("t", t).getSingleResult();
        if (used > 0) {
            throw ApiException.of(ApiError.TEMPLATE_IN_USE);
        }
        em.remove(t);
    }

    private Enterprise enterprise(Integer id) {
        caller.requireEnterprise(id, ApiError.ENTERPRISE_NOT_FOUND);
        return Entities.find(em, Enterprise.class, id, ApiError.ENTERPRISE_NOT_FOUND);
    }

    private static PagedQuery<VirtualMachineTemplate> sorted(PagedQuery<VirtualMachineTemplate> q) {
        return q.searchable("name", "description", "category").sortable("name", "path", "category");
    }

    private static int positive(String field, int v) {
        if (v <= 0) {
            throw ApiException.of(ApiError.TEMPLATE_INVALID, field + " must be positive");
        }
        return v;
    }
}
