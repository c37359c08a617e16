package com.abiquo.infrastructure;

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

/** A rack of machines; its VLAN range is what its virtual datacenters' private networks draw from. */
@Entity
@Table(name = "rack")
public class Rack {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @Column(nullable = false, length = 40)
    private String name;

    @Column(name = "short_description", length = 30)
    private String shortDescription;

    @Column(name = "long_description", length = 100)
    private String longDescription;

    @Column(name = "vlan_id_min", nullable = false)
    private int vlanIdMin = 2;

    @Column(name = "vlan_id_max", nullable = false)
    private int vlanIdMax = 4094;

    @Column(name = "vlans_id_avoided", nullable = false)
    private String vlansIdAvoided = "";

    @Column(name = "vlan_per_vdc_reserved", nullable = false)
    private int vlanPerVdcReserved = 1;

    @Column(nullable = false)
    private int nrsq = 10;

    @Column(name = "ha_enabled", nullable = false)
    private boolean haEnabled;

    @Version
    private int version;

    protected Rack() {
    }

    public Rack(Datacenter datacenter, String name) {
        this.datacenter = datacenter;
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public Datacenter getDatacenter() {
        return datacenter;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getShortDescription() {
        return shortDescription;
    }

    public void setShortDescription(String shortDescription) {
        this.shortDescription = shortDescription;
    }

    public String getLongDescription() {
        return longDescription;
    }

    public void setLongDescription(String longDescription) {
        this.longDescription = longDescription;
    }

    public int getVlanIdMin() {
        return vlanIdMin;
    }

    public void setVlanIdMin(int vlanIdMin) {
        this.vlanIdMin = vlanIdMin;
    }

    public int getVlanIdMax() {
        return vlanIdMax;
    }

    public void setVlanIdMax(int vlanIdMax) {
        this.vlanIdMax = vlanIdMax;
    }

    public String getVlansIdAvoided() {
        return vlansIdAvoided;
    }

    public void setVlansIdAvoided(String vlansIdAvoided) {
        this.vlansIdAvoided = vlansIdAvoided;
    }

    public int getVlanPerVdcReserved() {
        return vlanPerVdcReserved;
    }

    public void setVlanPerVdcReserved(int vlanPerVdcReserved) {
        this.vlanPerVdcReserved = vlanPerVdcReserved;
    }

    public int getNrsq() {
        return nrsq;
    }

    public void setNrsq(int nrsq) {
        this.nrsq = nrsq;
    }

    public boolean isHaEnabled() {
        return haEnabled;
    }

    public void setHaEnabled(boolean haEnabled) {
        this.haEnabled = haEnabled;
    }
}
