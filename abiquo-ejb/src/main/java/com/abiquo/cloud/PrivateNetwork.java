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

/** A private (INTERNAL) network of a virtual datacenter: the IPs its VMs get. */
@Entity
@Table(name = "vdc_network")
public class PrivateNetwork {

    public static final String INTERNAL = "INTERNAL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "vdc_id")
    private VirtualDatacenter virtualDatacenter;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false, length = 15)
    private String address;

    @Column(nullable = false)
    private int mask;

    @Column(nullable = false, length = 15)
    private String gateway;

    @Column(name = "primary_dns", nullable = false)
    private String primaryDns = "";

    @Column(name = "secondary_dns", nullable = false)
    private String secondaryDns = "";

    @Column(name = "sufix_dns", nullable = false)
    private String sufixDns = "";

    @Column(nullable = false, length = 16)
    private String type = INTERNAL;

    /** Given by the scheduler from the VDC's rack when the VDC first deploys; null until then. */
    @Column(name = "vlan_tag")
    private Integer vlanTag;

    @Version
    private int version;

    protected PrivateNetwork() {
    }

    public PrivateNetwork(VirtualDatacenter vdc, NetworkSpec spec) {
        this.virtualDatacenter = vdc;
        apply(spec);
    }

    /** Takes every field of the spec (validated by the caller). */
    void apply(NetworkSpec spec) {
        this.name = spec.name();
        this.address = spec.address();
        this.mask = spec.mask();
        this.gateway = spec.gateway();
        this.primaryDns = spec.primaryDns();
        this.secondaryDns = spec.secondaryDns();
        this.sufixDns = spec.sufixDns();
    }

    /** This network's fields as a spec, {@code changes} (nulls keep the current value) applied. */
    NetworkSpec with(VirtualDatacenterService.NetworkInput changes) {
        return new NetworkSpec(or(changes.name(), name), or(changes.address(), address),
                changes.mask() != null ? changes.mask() : mask, or(changes.gateway(), gateway),
                or(changes.primaryDns(), primaryDns), or(changes.secondaryDns(), secondaryDns),
                or(changes.sufixDns(), sufixDns));
    }

    private static String or(String value, String current) {
        return value != null ? value.trim() : current;
    }

    public Integer getId() { return id; }
    public VirtualDatacenter getVirtualDatacenter() { return virtualDatacenter; }
    public String getName() { return name; }
    public String getAddress() { return address; }
    public int getMask() { return mask; }
    public String getGateway() { return gateway; }
    public String getPrimaryDns() { return primaryDns; }
    public String getSecondaryDns() { return secondaryDns; }
    public String getSufixDns() { return sufixDns; }
    public String getType() { return type; }

    public Integer getVlanTag() {
        return vlanTag;
    }

    public void setVlanTag(Integer vlanTag) {
        this.vlanTag = vlanTag;
    }
}
