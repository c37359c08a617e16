package com.abiquo.tenancy;

import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Entities;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;
import com.abiquo.persistence.PagedQuery;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Scopes: unique names, deleted only when no role or user refers to them. */
@Stateless
public class ScopeService {

    @PersistenceContext
    private EntityManager em;

    public Page<Scope> list(PageRequest request) {
        return PagedQuery.of(em, Scope.class).searchable("name").sortable("name").fetch(request);
    }

    public Scope get(Integer id) {
        return Entities.find(em, Scope.class, id, ApiError.SCOPE_NOT_FOUND);
    }

    public Scope create(String name, boolean addDatacenters, boolean addEnterprises) {
        Entities.requireUnique(em, Scope.class, "name", name, null, ApiError.SCOPE_DUPLICATED_NAME);
        Scope s = new Scope(name);
        apply(s, addDatacenters, addEnterprises);
        em.persist(s);
        return s;
    }

    public Scope update(Integer id, String name, boolean addDatacenters, boolean addEnterprises) {
        Scope s = get(id);
        Entities.requireUnique(em, Scope.class, "name", name, id, ApiError.SCOPE_DUPLICATED_NAME);
        s.setName(name);
        apply(s, addDatacenters, addEnterprises);
        return s;
    }

    public void delete(Integer id) {
        Scope s = Entities.lock(em, Scope.class, id, ApiError.SCOPE_NOT_FOUND);
        for (String entity : List.of("Role", "User")) {
            long using = em.createQuery("select count(x) from " + entity + " x where x.scope = :s", Long.class)
                    .setParameter("s", s).getSingleResult();
            if (using > 0) {
                throw ApiException.of(ApiError.SCOPE_IN_USE);
            }
        }
        em.remove(s);
    }

    private static void apply(Scope s, boolean addDatacenters, boolean addEnterprises) {
        s.setAutomaticAddDatacenter(addDatacenters);
        s.setAutomaticAddEnterprise(addEnterprises);
    }
}
