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

/** A kind of network a machine's interface serves; every datacenter has "Service Network". */
@Entity
@Table(name = "network_service_type")
public class NetworkServiceType {

    public static final String DEFAULT_NAME = "Service Network";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(name = "is_default", nullable = false)
    private boolean defaultType;

    protected NetworkServiceType() {
    }

    public NetworkServiceType(Datacenter datacenter, String name, boolean defaultType) {
        this.datacenter = datacenter;
        this.name = name;
        this.defaultType = defaultType;
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

    public boolean isDefaultType() {
        return defaultType;
    }
}
