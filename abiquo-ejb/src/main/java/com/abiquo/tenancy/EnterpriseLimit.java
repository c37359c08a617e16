package com.abiquo.tenancy;

import com.abiquo.infrastructure.Datacenter;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An enterprise's allowance in one datacenter: without one it may not use that datacenter. */
@Entity
@Table(name = "enterprise_limit")
public class EnterpriseLimit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    // eager: representations are built from it after the service's transaction has ended
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "enterprise_id")
    private Enterprise enterprise;

    // eager: representations are built from it after the service's transaction has ended
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @Embedded
    private Limits limits = new Limits();

    @Version
    private int version;

    protected EnterpriseLimit() {
    }

    public EnterpriseLimit(Enterprise enterprise, Datacenter datacenter) {
        this.enterprise = enterprise;
        this.datacenter = datacenter;
    }

    public Integer getId() {
        return id;
    }

    public Enterprise getEnterprise() {
        return enterprise;
    }

    public Datacenter getDatacenter() {
        return datacenter;
    }

    public Limits getLimits() {
        return limits;
    }
}
