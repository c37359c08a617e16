package com.abiquo.tenancy;

import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.infrastructure.Datacenter;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.security.Caller;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The cloud view of datacenters: those where the caller's enterprise has a limit, for everybody
 * (cloud administrators too: this is where their own enterprise may deploy).
 */
@Stateless
public class LocationService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    public Page<Datacenter> list(PageRequest request) {
        List<Integer> allowed = em.createQuery("select l.datacenter.id from EnterpriseLimit l "
                + "where l.enterprise.id = :e", Integer.class).setParameter("e", caller.enterpriseId()).getResultList();
        return PagedQuery.of(em, Datacenter.class)
                .where((cb, dc) -> allowed.isEmpty() ? cb.disjunction() : dc.get("id").in(allowed))
                .searchable("name", "location").sortable("name", "location").fetch(request);
    }

    /** One location; a cloud administrator may read any (the admin datacenter's {@code location} link). */
    public Datacenter get(Integer id) {
        if (caller.administersAllEnterprises()) {
            return com.abiquo.persistence.Entities.find(em, Datacenter.class, id, ApiError.DATACENTER_NOT_FOUND);
        }
        return em.createQuery("select l.datacenter from EnterpriseLimit l where l.enterprise.id = :e "
                + "and l.datacenter.id = :dc", Datacenter.class).setParameter("e", caller.enterpriseId())
                .setParameter("dc", id).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.of(ApiError.DATACENTER_NOT_FOUND));
    }
}
