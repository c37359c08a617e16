package com.abiquo.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Which datacenters and enterprises an administrator's role reaches; "Global scope" reaches all. */
@Entity
@Table(name = "scope")
public class Scope {

    public static final String GLOBAL = "Global scope";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = 60)
    private String name;

    @Column(name = "automatic_add_datacenter", nullable = false)
    private boolean automaticAddDatacenter;

    @Column(name = "automatic_add_enterprise", nullable = false)
    private boolean automaticAddEnterprise;

    @Version
    private int version;

    protected Scope() {
    }

    public Scope(String name) {
        this.name = name;
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

    public boolean isAutomaticAddDatacenter() {
        return automaticAddDatacenter;
    }

    public void setAutomaticAddDatacenter(boolean v) {
        this.automaticAddDatacenter = v;
    }

    public boolean isAutomaticAddEnterprise() {
        return automaticAddEnterprise;
    }

    public void setAutomaticAddEnterprise(boolean v) {
        this.automaticAddEnterprise = v;
    }
}
