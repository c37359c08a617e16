package com.abiquo.tenancy;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;
import com.abiquo.security.Caller;
import com.abiquo.security.Privilege;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * System properties. Anybody authenticated reads the {@code client.*} ones (tenants' clients
 * need the network defaults); the rest need SYSCONFIG_VIEW and are otherwise as if absent.
 */
@Stateless
public class SystemPropertyService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    /** {@code name}: exact name; {@code component}: the first part of the name (e.g. {@code client}). */
    public Page<SystemProperty> list(String name, String component, PageRequest request) {
        PagedQuery<SystemProperty> query = PagedQuery.of(em, SystemProperty.class).searchable("id", "description")
                .sortableAs("name", "id");
        if (name != null && !name.isBlank()) {
            query.where((cb, p) -> cb.equal(p.get("id"), name.trim()));
        }
        if (component != null && !component.isBlank()) {
            query.where((cb, p) -> cb.like(p.get("id"), PagedQuery.escapeLike(component.trim()) + ".%", '\\'));
        }
        if (!caller.has(Privilege.SYSCONFIG_VIEW)) {
            query.where((cb, p) -> cb.like(p.get("id"), PagedQuery.escapeLike(SystemProperty.CLIENT_PREFIX) + "%", '\\'));
        }
        return query.fetch(request);
    }

    public SystemProperty get(String name) {
        SystemProperty p = name == null ? null : em.find(SystemProperty.class, name);
        if (p == null || !(caller.has(Privilege.SYSCONFIG_VIEW) || name.startsWith(SystemProperty.CLIENT_PREFIX))) {
            throw ApiException.of(ApiError.PROPERTY_NOT_FOUND, String.valueOf(name));
        }
        return p;
    }

    public SystemProperty update(String name, String value) {
        SystemProperty p = get(name);
        p.setValue(value);
        return p;
    }
}
