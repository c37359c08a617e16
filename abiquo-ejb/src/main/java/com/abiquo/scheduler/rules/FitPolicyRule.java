package com.abiquo.scheduler.rules;

import com.abiquo.infrastructure.Datacenter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The fit policy of one datacenter, or without a datacenter the global default. */
@Entity
@Table(name = "fit_policy_rule")
public class FitPolicyRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @Enumerated(EnumType.STRING)
    @Column(name = "fit_policy", nullable = false, length = 16)
    private FitPolicy fitPolicy;

    @Version
    private int version;

    protected FitPolicyRule() {
    }

    public FitPolicyRule(Datacenter datacenter, FitPolicy fitPolicy) {
        this.datacenter = datacenter;
        this.fitPolicy = fitPolicy;
    }

    public Integer getId() {
        return id;
    }

    /** Null for the global default. */
    public Datacenter getDatacenter() {
        return datacenter;
    }

    public FitPolicy getFitPolicy() {
        return fitPolicy;
    }

    public void setFitPolicy(FitPolicy fitPolicy) {
        this.fitPolicy = fitPolicy;
    }
}
