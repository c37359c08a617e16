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

/** A physical NIC of a machine, attached to a network service type of its datacenter. */
@Entity
@Table(name = "network_interface")
public class NetworkInterface {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "machine_id")
    private Machine machine;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(length = 32)
    private String mac;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "network_service_type_id")
    private NetworkServiceType networkServiceType;

    protected NetworkInterface() {
    }

    public NetworkInterface(String name, String mac, NetworkServiceType networkServiceType) {
        this.name = name;
        this.mac = mac;
        this.networkServiceType = networkServiceType;
    }

    public Integer getId() {
        return id;
    }

    public Machine getMachine() {
        return machine;
    }

    void setMachine(Machine machine) {
        this.machine = machine;
    }

    public String getName() {
        return name;
    }

    public String getMac() {
        return mac;
    }

    public NetworkServiceType getNetworkServiceType() {
        return networkServiceType;
    }
}
