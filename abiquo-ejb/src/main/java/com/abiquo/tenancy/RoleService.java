package com.abiquo.tenancy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
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
import jakarta.persistence.criteria.JoinType;

/**
 * Roles: global ones (no enterprise, managed with USERS_MANAGE_SYSTEM_ROLES) and those an
 * enterprise owns. Everybody sees the global roles and their own enterprise's; a role never gets
 * privileges its editor does not hold, and a blocked role is never changed.
 */
@Stateless
public class RoleService {

    /** What a role is given, ids resolved from the document's links. */
    public record Definition(String name, boolean blocked, Set<Privilege> privileges, Integer enterpriseId,
            Integer scopeId) {
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @EJB
    private EnterpriseService enterprises;

    @EJB
    private ScopeService scopes;

    public Page<Role> list(PageRequest request) {
        PagedQuery<Role> query = PagedQuery.of(em, Role.class).searchable("name").sortable("name");
        if (!caller.administersAllEnterprises()) {
            query.where((cb, r) -> {
                var owner = r.join("enterprise", JoinType.LEFT);
                return cb.or(cb.isNull(owner.get("id")), cb.equal(owner.get("id"), caller.enterpriseId()));
            });
        }
        return query.fetch(request);
    }

    /** A role the caller may see; another tenant's own roles answer 404. */
    public Role get(Integer id) {
        Role role = Entities.find(em, Role.class, id, ApiError.ROLE_NOT_FOUND);
        if (!role.isGlobal()) {
            caller.requireEnterprise(role.getEnterprise().getId(), ApiError.ROLE_NOT_FOUND);
        }
        return role;
    }

    public Role create(Definition d) {
        Enterprise owner = d.enterpriseId() == null ? null : enterprises.get(d.enterpriseId());
        Role role = new Role(d.name(), owner);
        requireEditable(role);
        apply(role, d, null);
        em.persist(role);
        return role;
    }

    public Role update(Integer id, Definition d) {
        Role role = get(id);
        requireEditable(role);
        apply(role, d, id);
        return role;
    }

    public void delete(Integer id) {
        Role role = get(id);
        requireEditable(role);
        long users = em.createQuery("select count(u) from User u where u.role = :r", Long.class)
                .setParameter("r", role).getSingleResult();
        if (users > 0) {
            throw ApiException.of(ApiError.ROLE_IN_USE);
        }
        em.remove(role);
    }

    private void requireEditable(Role role) {
        if (role.isGlobal()) {
            caller.require(Privilege.USERS_MANAGE_SYSTEM_ROLES);
        }
        if (role.isBlocked()) {
            throw ApiException.of(ApiError.ROLE_BLOCKED);
        }
    }

    private void apply(Role role, Definition d, Integer except) {
        caller.requireHolds(d.privileges());
        requireUniqueName(d.name(), role.getEnterprise(), except);
        role.setName(d.name());
        role.setBlocked(d.blocked());
        role.setScope(d.scopeId() == null ? null : scopes.get(d.scopeId()));
        role.getPrivileges().clear();
        role.getPrivileges().addAll(d.privileges());
    }

    /** Unique per owner; checked here because the database lets global (NULL owner) names repeat. */
    private void requireUniqueName(String name, Enterprise owner, Integer except) {
        var query = em.createQuery("select r.id from Role r where r.name = :name and "
                + (owner == null ? "r.enterprise is null" : "r.enterprise = :owner"), Integer.class)
                .setParameter("name", name);
        if (owner != null) {
            query.setParameter("owner", owner);
        }
        List<Integer> same = query.getResultList();
        if (same.stream().anyMatch(id -> !Objects.equals(id, except))) {
            throw ApiException.of(ApiError.ROLE_DUPLICATED_NAME, name);
        }
    }
}
