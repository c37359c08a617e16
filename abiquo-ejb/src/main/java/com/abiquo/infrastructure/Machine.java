package com.abiquo.infrastructure;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A physical machine running a hypervisor, in a rack; its CPU and RAM are what the scheduler places on. */
@Entity
@Table(name = "physicalmachine")
public class Machine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rack_id")
    private Rack rack;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @Column(nullable = false, length = 256)
    private String name;

    @Column(length = 100)
    private String description;

    @Column(nullable = false, length = 64)
    private String ip;

    @Column(name = "ip_service", nullable = false, length = 64)
    private String ipService;

    @Column(nullable = false)
    private int port;

    @Enumerated(EnumType.STRING)
    @Column(name = "hypervisor_type", nullable = false, length = 32)
    private HypervisorType hypervisorType;

    @Column(name = "hypervisor_user")
    private String hypervisorUser;

    /** Encrypted hypervisor password; never returned by the API nor logged. */
    @Column(name = "hypervisor_secret", length = 1024)
    private String hypervisorSecret;

    @Column(name = "cpu", nullable = false)
    private int virtualCpuCores;

    /** Usage is the scheduler's: written only by its reservations (SQL increments), never by an update of the machine. */
    @Column(name = "cpu_used", nullable = false, updatable = false)
    private int virtualCpusUsed;

    @Column(name = "ram_mb", nullable = false)
    private int virtualRamInMb;

    @Column(name = "ram_used_mb", nullable = false, updatable = false)
    private int virtualRamUsedInMb;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private MachineState state = MachineState.MANAGED;

    @Column(name = "initiator_iqn", length = 256)
    private String initiatorIqn;

    /** The enterprise that reserved this machine, if any. */
    @Column(name = "enterprise_id")
    private Integer reservedFor;

    @OneToMany(mappedBy = "machine", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Datastore> datastores = new ArrayList<>();

    @OneToMany(mappedBy = "machine", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<NetworkInterface> networkInterfaces = new ArrayList<>();

    @Version
    private int version;

    protected Machine() {
    }

    public Machine(Rack rack, String name) {
        this.rack = rack;
        this.datacenter = rack.getDatacenter();
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public Rack getRack() {
        return rack;
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

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }

    public String getIpService() {
        return ipService;
    }

    public void setIpService(String ipService) {
        this.ipService = ipService;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public HypervisorType getHypervisorType() {
        return hypervisorType;
    }

    public void setHypervisorType(HypervisorType hypervisorType) {
        this.hypervisorType = hypervisorType;
    }

    public String getHypervisorUser() {
        return hypervisorUser;
    }

    public void setHypervisorUser(String hypervisorUser) {
        this.hypervisorUser = hypervisorUser;
    }

    public String getHypervisorSecret() {
        return hypervisorSecret;
    }

    public void setHypervisorSecret(String hypervisorSecret) {
        this.hypervisorSecret = hypervisorSecret;
    }

    public int getVirtualCpuCores() {
        return virtualCpuCores;
    }

    public void setVirtualCpuCores(int virtualCpuCores) {
        this.virtualCpuCores = virtualCpuCores;
    }

    public int getVirtualCpusUsed() {
        return virtualCpusUsed;
    }

    public void setVirtualCpusUsed(int virtualCpusUsed) {
        this.virtualCpusUsed = virtualCpusUsed;
    }

    public int getVirtualRamInMb() {
        return virtualRamInMb;
    }

    public void setVirtualRamInMb(int virtualRamInMb) {
        this.virtualRamInMb = virtualRamInMb;
    }

    public int getVirtualRamUsedInMb() {
        return virtualRamUsedInMb;
    }

    public void setVirtualRamUsedInMb(int virtualRamUsedInMb) {
        this.virtualRamUsedInMb = virtualRamUsedInMb;
    }

    public MachineState getState() {
        return state;
    }

    public void setState(MachineState state) {
        this.state = state;
    }

    public String getInitiatorIqn() {
        return initiatorIqn;
    }

    public void setInitiatorIqn(String initiatorIqn) {
        this.initiatorIqn = initiatorIqn;
    }

    public Integer getReservedFor() {
        return reservedFor;
    }

    public void setReservedFor(Integer reservedFor) {
        this.reservedFor = reservedFor;
    }

    public List<Datastore> getDatastores() {
        return datastores;
    }

    public List<NetworkInterface> getNetworkInterfaces() {
        return networkInterfaces;
    }

    public void addDatastore(Datastore d) {
        d.setMachine(this);
        datastores.add(d);
    }

    public void addNetworkInterface(NetworkInterface n) {
        n.setMachine(this);
        networkInterfaces.add(n);
    }
}
