package com.abiquo.tenancy;

import java.util.HashSet;
import java.util.Set;

import com.abiquo.security.Privilege;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A named set of privileges; global when it has no enterprise, else that enterprise's own. */
@Entity
@Table(name = "role")
public class Role {

    public static final String CLOUD_ADMIN = "CLOUD_ADMIN";
    public static final String USER = "USER";
    public static final String ENTERPRISE_ADMIN = "ENTERPRISE_ADMIN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(nullable = false)
    private boolean blocked;

    // eager: representations are built from it after the service's transaction has ended
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "enterprise_id")
    private Enterprise enterprise;

    // eager: representations are built from it after the service's transaction has ended
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "scope_id")
    private Scope scope;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "role_privilege", joinColumns = @JoinColumn(name = "role_id"))
    @Column(name = "privilege_id")
    @Convert(converter = PrivilegeIdConverter.class)
    private Set<Privilege> privileges = new HashSet<>();

    @Version
    private int version;

    protected Role() {
    }

    public Role(String name, Enterprise enterprise) {
        this.name = name;
        this.enterprise = enterprise;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public void setBlocked(boolean blocked) {
        this.blocked = blocked;
    }

    public Enterprise getEnterprise() {
        return enterprise;
    }

    public Scope getScope() {
        return scope;
    }

    public void setScope(Scope scope) {
        this.scope = scope;
    }

    public Set<Privilege> getPrivileges() {
        return privileges;
    }

    public boolean isGlobal() {
        return enterprise == null;
    }
}
