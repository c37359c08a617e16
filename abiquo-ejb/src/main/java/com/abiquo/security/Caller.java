package com.abiquo.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who makes the current request: set once by the authentication filter, read by services to
 * decide what the caller may see and touch. Tenancy rules live here, once.
 */
@RequestScoped
public class Caller {

    private Integer userId;
    private String nick;
    private Integer enterpriseId;
    private Set<Privilege> privileges = Set.of();

    public void authenticate(Integer userId, String nick, Integer enterpriseId, Set<Privilege> privileges) {
        this.userId = userId;
        this.nick = nick;
        this.enterpriseId = enterpriseId;
        this.privileges = Set.copyOf(privileges);
    }

    public boolean isAuthenticated() {
        return userId != null;
    }

    public Integer userId() {
        return userId;
    }

    public String nick() {
        return nick;
    }

    public Integer enterpriseId() {
        return enterpriseId;
    }

    public Set<Privilege> privileges() {
        return privileges;
    }

    public boolean has(Privilege privilege) {
        return privileges.contains(privilege);
    }

    public void require(Privilege privilege) {
        if (!has(privilege)) {
            throw ApiException.of(ApiError.NOT_ENOUGH_PERMISSIONS);
        }
    }

    /** True for a cloud administrator: the one who may work across enterprises. */
    public boolean administersAllEnterprises() {
        return has(Privilege.ENTERPRISE_ADMINISTER_ALL);
    }

    public boolean belongsTo(Integer enterprise) {
        return enterpriseId != null && enterpriseId.equals(enterprise);
    }

    /**
     * The caller may act inside the enterprise: their own, or any for a cloud administrator.
     * Another tenant's resources answer 404 as if they did not exist, so that ids do not leak.
     */
    public void requireEnterprise(Integer enterprise, ApiError notFound) {
        if (!belongsTo(enterprise) && !administersAllEnterprises()) {
            throw ApiException.of(notFound);
        }
    }

    /**
     * Nobody hands out more than they hold: giving a role privileges, or a user a role, needs
     * every one of those privileges. Refused with 403 ROLE-3 naming what is missing.
     */
    public void requireHolds(Collection<Privilege> given) {
        String missing = given.stream().filter(p -> !has(p)).map(Privilege::name).sorted()
                .collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            throw ApiException.of(ApiError.ROLE_ESCALATION, missing);
        }
    }
}
