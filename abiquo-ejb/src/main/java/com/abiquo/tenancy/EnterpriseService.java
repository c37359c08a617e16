package com.abiquo.tenancy;

import java.util.Map;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.security.Caller;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Enterprises (tenants). A cloud administrator manages them all; anybody else sees only their
 * own, and another tenant answers 404 as if it did not exist.
 */
@Stateless
public class EnterpriseService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    public Page<Enterprise> list(PageRequest request) {
        PagedQuery<Enterprise> query = PagedQuery.of(em, Enterprise.class).searchable("name").sortable("name");
        if (!caller.administersAllEnterprises()) {
            query.where((cb, e) -> cb.equal(e.get("id"), caller.enterpriseId()));
        }
        return query.fetch(request);
    }

    /** An enterprise the caller may see: their own, or any for a cloud administrator. */
    public Enterprise get(Integer id) {
        caller.requireEnterprise(id, ApiError.ENTERPRISE_NOT_FOUND);
        return Entities.find(em, Enterprise.class, id, ApiError.ENTERPRISE_NOT_FOUND);
    }

    public Enterprise create(String name, Limits limits, boolean reservationRestricted) {
        Entities.requireUnique(em, Enterprise.class, "name", name, null, ApiError.ENTERPRISE_DUPLICATED_NAME);
        Enterprise e = new Enterprise(name);
        apply(e, limits, reservationRestricted);
        em.persist(e);
        return e;
    }

    public Enterprise update(Integer id, String name, Limits limits, boolean reservationRestricted) {
        Enterprise e = get(id);
        Entities.requireUnique(em, Enterprise.class, "name", name, id, ApiError.ENTERPRISE_DUPLICATED_NAME);
        e.setName(name);
        apply(e, limits, reservationRestricted);
        return e;
    }

    public void delete(Integer id) {
        Enterprise e = get(id);
        if (caller.belongsTo(id)) {
            throw ApiException.of(ApiError.ENTERPRISE_IN_USE, "it is the enterprise of the user deleting it");
        }
        Entities.lock(em, Enterprise.class, id, ApiError.ENTERPRISE_NOT_FOUND);
        long users = em.createQuery("select count(u) from User u where u.enterprise = :e", Long.class)
                .setParameter("e", e).getSingleResult();
        if (users > 0) {
            throw ApiException.of(ApiError.ENTERPRISE_IN_USE, "it still has " + users + " user(s); delete them first");
        }
        // limits and the enterprise's own roles go with it (ON DELETE CASCADE), properties with the entity
        em.remove(e);
    }

    public Map<String, String> properties(Integer id) {
        return Map.copyOf(get(id).getProperties());
    }

    /** Replaces all the properties of the enterprise. */
    public Map<String, String> replaceProperties(Integer id, Map<String, String> properties) {
        Enterprise e = get(id);
        e.getProperties().clear();
        e.getProperties().putAll(properties);
        return Map.copyOf(e.getProperties());
    }

    private static void apply(Enterprise e, Limits limits, boolean reservationRestricted) {
        Limits.requireConsistent(limits);
        e.getLimits().copyFrom(limits);
        e.setReservationRestricted(reservationRestricted);
    }
}
