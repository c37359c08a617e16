package com.abiquo.cloud;

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

/** A group of virtual machines of a virtual datacenter, deployed together. */
@Entity
@Table(name = "virtual_appliance")
public class VirtualAppliance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "vdc_id")
    private VirtualDatacenter virtualDatacenter;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false)
    private String description = "";

    @Version
    private int version;

    protected VirtualAppliance() {
    }

    public VirtualAppliance(VirtualDatacenter vdc, String name, String description) {
        this.virtualDatacenter = vdc;
        this.name = name;
        setDescription(description);
    }

    public Integer getId() { return id; }
    public VirtualDatacenter getVirtualDatacenter() { return virtualDatacenter; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String d) { this.description = d == null ? "" : d; }
}
