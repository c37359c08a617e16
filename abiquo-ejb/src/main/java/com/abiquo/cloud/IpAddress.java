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

/** An address of a private network handed out to a virtual machine (its NIC). */
@Entity
@Table(name = "vdc_ip")
public class IpAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "network_id")
    private PrivateNetwork network;

    @Column(nullable = false, length = 15)
    private String ip;

    @Column(nullable = false, length = 17)
    private String mac;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "virtual_machine_id")
    private VirtualMachine virtualMachine;

    protected IpAddress() {
    }

    public IpAddress(PrivateNetwork network, String ip, String mac, VirtualMachine vm) {
        this.network = network;
        this.ip = ip;
        this.mac = mac;
        this.virtualMachine = vm;
    }

    public Integer getId() { return id; }
    public PrivateNetwork getNetwork() { return network; }
    public String getIp() { return ip; }
    public String getMac() { return mac; }
    public VirtualMachine getVirtualMachine() { return virtualMachine; }
}
