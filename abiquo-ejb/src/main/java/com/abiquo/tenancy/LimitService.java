package com.abiquo.tenancy;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.Datacenter;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.security.Caller;
import com.abiquo.security.Privilege;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * An enterprise's allowance per datacenter. Its own users may read them (with
 * ENTERPRISE_LIMITS_VIEW); only a cloud administrator changes them.
 */
@Stateless
public class LimitService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @EJB
    private EnterpriseService enterprises;

    public Page<EnterpriseLimit> list(Integer enterpriseId, PageRequest request) {
        Enterprise e = readable(enterpriseId);
        return PagedQuery.of(em, EnterpriseLimit.class).where((cb, l) -> cb.equal(l.get("enterprise"), e))
                .searchable("datacenter.name").sortableAs("datacenter", "datacenter.name").fetch(request);
    }

    public EnterpriseLimit get(Integer enterpriseId, Integer id) {
        return find(readable(enterpriseId), id);
    }

    public EnterpriseLimit create(Integer enterpriseId, Integer datacenterId, Limits limits) {
        Enterprise e = writable(enterpriseId);
        Datacenter dc = Entities.find(em, Datacenter.class, datacenterId, ApiError.DATACENTER_NOT_FOUND);
        long existing = em.createQuery("select count(l) from EnterpriseLimit l where l.enterprise = :e "
                + "and l.datacenter = :dc", Long.class).setParameter("e", e).setParameter("dc", dc).getSingleResult();
        if (existing > 0) {
            throw ApiException.of(ApiError.LIMIT_DUPLICATED, dc.getName());
        }
        Limits.requireConsistent(limits);
        EnterpriseLimit limit = new EnterpriseLimit(e, dc);
        limit.getLimits().copyFrom(limits);
        em.persist(limit);
        return limit;
    }

    public EnterpriseLimit update(Integer enterpriseId, Integer id, Limits limits) {
        EnterpriseLimit limit = find(writable(enterpriseId), id);
        Limits.requireConsistent(limits);
        limit.getLimits().copyFrom(limits);
        return limit;
    }

    public void delete(Integer enterpriseId, Integer id) {
        em.remove(find(writable(enterpriseId), id));
    }

    private Enterprise readable(Integer enterpriseId) {
        Enterprise e = enterprises.get(enterpriseId);
        if (!caller.administersAllEnterprises()) {
            caller.require(Privilege.ENTERPRISE_LIMITS_VIEW);
        }
        return e;
    }

    private Enterprise writable(Integer enterpriseId) {
        Enterprise e = enterprises.get(enterpriseId);
        caller.require(Privilege.ENTERPRISE_ADMINISTER_ALL);
        return e;
    }

    private EnterpriseLimit find(Enterprise e, Integer id) {
        EnterpriseLimit limit = Entities.find(em, EnterpriseLimit.class, id, ApiError.LIMIT_NOT_FOUND);
        if (!limit.getEnterprise().getId().equals(e.getId())) {
            throw ApiException.of(ApiError.LIMIT_NOT_FOUND);
        }
        return limit;
    }
}
