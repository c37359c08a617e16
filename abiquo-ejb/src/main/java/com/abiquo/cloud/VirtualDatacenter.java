package com.abiquo.cloud;

import com.abiquo.infrastructure.Datacenter;
import com.abiquo.infrastructure.HypervisorType;
import com.abiquo.infrastructure.Rack;
import com.abiquo.tenancy.Enterprise;
import com.abiquo.tenancy.Limits;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/** A tenant's slice of one datacenter: one hypervisor type, private networks, appliances, limits. */
@Entity
@Table(name = "virtual_datacenter")
public class VirtualDatacenter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @Column(nullable = false, length = 128)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "enterprise_id")
    private Enterprise enterprise;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @Enumerated(EnumType.STRING)
    @Column(name = "hypervisor_type", nullable = false, length = 32)
    private HypervisorType hypervisorType;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "default_network_id")
    private PrivateNetwork defaultNetwork;

    @Embedded
    private Limits limits = new Limits();

    /** The rack its VMs are deployed to, chosen by the scheduler at the first deploy. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rack_id")
    private Rack rack;

    @Version
    private int version;

    protected VirtualDatacenter() {
    }

    public VirtualDatacenter(String name, Enterprise enterprise, Datacenter datacenter, HypervisorType type) {
        this.name = name;
        this.enterprise = enterprise;
        this.datacenter = datacenter;
        this.hypervisorType = type;
    }

    public Integer getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Enterprise getEnterprise() { return enterprise; }
    public Datacenter getDatacenter() { return datacenter; }
    public HypervisorType getHypervisorType() { return hypervisorType; }
    public PrivateNetwork getDefaultNetwork() { return defaultNetwork; }
    public void setDefaultNetwork(PrivateNetwork n) { this.defaultNetwork = n; }
    public Rack getRack() { return rack; }
    public void setRack(Rack rack) { this.rack = rack; }
    public Limits getLimits() { return limits; }
}
