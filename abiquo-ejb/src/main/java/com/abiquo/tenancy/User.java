package com.abiquo.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person (or client) of an enterprise. The password is only ever stored as a slow hash; the
 * credential version changes with it, voiding cached credentials, cookies and tokens everywhere.
 */
@Entity
@Table(name = "users")
public class User {

    public static final String ADMIN_NICK = "admin";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    // eager: representations are built from it after the service's transaction has ended
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "enterprise_id")
    private Enterprise enterprise;

    // eager: representations are built from it after the service's transaction has ended
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_id")
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "scope_id")
    private Scope scope;

    @Column(nullable = false, length = 128)
    private String nick;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false, length = 128)
    private String surname = "";

    @Column(nullable = false, length = 200)
    private String email = "";

    @Column(nullable = false)
    private String description = "";

    @Column(nullable = false, length = 10)
    private String locale = "en_US";

    @Column(name = "auth_type", nullable = false, length = 20)
    private String authType = "ABIQUO";

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "credential_version", nullable = false)
    private int credentialVersion;

    @Column(nullable = false)
    private boolean active = true;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "first_login", nullable = false)
    private boolean firstLogin = true;

    /** Comma-separated virtual datacenter ids the user is restricted to; empty = all of the enterprise. */
    @Column(name = "available_vdcs", nullable = false)
    private String availableVirtualDatacenters = "";

    @Version
    private int version;

    protected User() {
    }

    public User(Enterprise enterprise, Role role, String nick, String name, String passwordHash) {
        this.enterprise = enterprise;
        this.role = role;
        this.nick = nick;
        this.name = name;
        this.passwordHash = passwordHash;
    }

    /** A new password: the old one's cached credentials, cookies and tokens stop working. */
    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.credentialVersion++;
    }

    public Integer getId() { return id; }
    public Enterprise getEnterprise() { return enterprise; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public Scope getScope() { return scope; }
    public void setScope(Scope scope) { this.scope = scope; }
    public String getNick() { return nick; }
    public void setNick(String nick) { this.nick = nick; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSurname() { return surname; }
    public void setSurname(String surname) { this.surname = surname == null ? "" : surname; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email == null ? "" : email; }
    public String getDescription() { return description; }
    public void setDescription(String d) { this.description = d == null ? "" : d; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale == null ? "en_US" : locale; }
    public String getAuthType() { return authType; }
    public String getPasswordHash() { return passwordHash; }
    public int getCredentialVersion() { return credentialVersion; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public boolean isLocked() { return locked; }
    public void setLocked(boolean locked) { this.locked = locked; }
    public boolean isFirstLogin() { return firstLogin; }
    public void setFirstLogin(boolean firstLogin) { this.firstLogin = firstLogin; }
    public String getAvailableVirtualDatacenters() { return availableVirtualDatacenters; }
    public void setAvailableVirtualDatacenters(String v) { this.availableVirtualDatacenters = v == null ? "" : v; }
}
