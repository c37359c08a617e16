package com.abiquo.cloud;

import java.util.Optional;

import com.abiquo.infrastructure.Datastore;
import com.abiquo.infrastructure.Machine;
import com.abiquo.persistence.Entities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.Version;

/** A virtual machine of an appliance, made from a template; NOT_ALLOCATED until deployed. */
@Entity
@Table(name = "virtual_machine")
public class VirtualMachine {

    /**
     * The VM with what every action and placement reads of it in one statement (a select each
     * otherwise): its appliance, the appliance's VDC with the VDC's enterprise, datacenter, rack and
     * default network, and its template. No row is locked: lock the VM afterwards where needed.
     */
    public static Optional<VirtualMachine> findWithScope(EntityManager em, Integer id) {
        return withScope(em, em.createQuery("select m from VirtualMachine m where m.id = :id", VirtualMachine.class)
                .setParameter("id", id));
    }

    /** The same, only when it is in that appliance of that VDC (the path of the request). */
    public static Optional<VirtualMachine> findWithScope(EntityManager em, Integer vdcId, Integer vappId, Integer id) {
        return withScope(em, em.createQuery("select m from VirtualMachine m where m.id = :id "
                + "and m.virtualAppliance.id = :vapp and m.virtualAppliance.virtualDatacenter.id = :vdc",
                VirtualMachine.class).setParameter("id", id).setParameter("vapp", vappId).setParameter("vdc", vdcId));
    }

    private static Optional<VirtualMachine> withScope(EntityManager em, TypedQuery<VirtualMachine> query) {
        EntityGraph<VirtualMachine> graph = em.createEntityGraph(VirtualMachine.class);
        graph.addAttributeNodes("template");
        graph.addSubgraph("virtualAppliance").addSubgraph("virtualDatacenter")
                .addAttributeNodes("enterprise", "datacenter", "rack", "defaultNetwork");
        return query.setHint(Entities.FETCH_GRAPH, graph).getResultStream().findFirst();
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "vapp_id")
    private VirtualAppliance virtualAppliance;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    private VirtualMachineTemplate template;

    @Column(nullable = false, length = 36)
    private String uuid;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 128)
    private String label;

    @Column(nullable = false)
    private String description = "";

    @Column(nullable = false, length = 32)
    private String password;

    @Column(nullable = false)
    private int cpu;

    @Column(nullable = false)
    private int ram;

    @Column(nullable = false)
    private long hd;

    @Column(name = "cores_per_socket", nullable = false)
    private int coresPerSocket = 1;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private VirtualMachineState state = VirtualMachineState.NOT_ALLOCATED;

    /** Where the VM is deployed; its CPU, RAM and disk are reserved there while this is set. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "machine_id")
    private Machine machine;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "datastore_id")
    private Datastore datastore;

    /** The task that holds the VM LOCKED, and the state to return to if it ends without changing it. */
    @Column(name = "locked_by_task", length = 64)
    private String lockedByTask;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_before_lock", length = 16)
    private VirtualMachineState stateBeforeLock;

    /** The sequence of the last monitor event applied (older ones are stale). */
    @Column(name = "monitor_sequence", nullable = false)
    private long monitorSequence;

    @Version
    private int version;

    protected VirtualMachine() {
    }

    public VirtualMachine(VirtualAppliance vapp, VirtualMachineTemplate template, String uuid, String password) {
        this.virtualAppliance = vapp;
        this.template = template;
        this.uuid = uuid;
        this.name = "ABQ_" + uuid;
        this.password = password;
    }

    public Integer getId() { return id; }
    public VirtualAppliance getVirtualAppliance() { return virtualAppliance; }
    public VirtualMachineTemplate getTemplate() { return template; }
    public String getUuid() { return uuid; }
    public String getName() { return name; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public String getDescription() { return description; }
    public void setDescription(String d) { this.description = d == null ? "" : d; }
    public String getPassword() { return password; }
    public int getCpu() { return cpu; }
    public void setCpu(int cpu) { this.cpu = cpu; }
    public int getRam() { return ram; }
    public void setRam(int ram) { this.ram = ram; }
    public long getHd() { return hd; }
    public void setHd(long hd) { this.hd = hd; }
    public int getCoresPerSocket() { return coresPerSocket; }
    public void setCoresPerSocket(int c) { this.coresPerSocket = c; }
    public VirtualMachineState getState() { return state; }
    public void setState(VirtualMachineState state) { this.state = state; }
    public Machine getMachine() { return machine; }
    public Datastore getDatastore() { return datastore; }
    public String getLockedByTask() { return lockedByTask; }
    public VirtualMachineState getStateBeforeLock() { return stateBeforeLock; }
    public long getMonitorSequence() { return monitorSequence; }
    public void setMonitorSequence(long s) { this.monitorSequence = s; }

    /** Where the VM now runs (its resources are reserved there), or null once they are released. */
    public void placeOn(Machine m, Datastore d) {
        this.machine = m;
        this.datastore = d;
    }

    /** LOCKED by a task; {@link #unlock} returns it to the state it had, or to the state the task left. */
    public void lock(String taskId) {
        this.stateBeforeLock = state;
        this.lockedByTask = taskId;
        this.state = VirtualMachineState.LOCKED;
    }

    public boolean isLockedBy(String taskId) {
        return state == VirtualMachineState.LOCKED && taskId.equals(lockedByTask);
    }

    /** Ends the lock in {@code after}, or in the state before the lock when null. */
    public void unlock(VirtualMachineState after) {
        this.state = after != null ? after : (stateBeforeLock != null ? stateBeforeLock : VirtualMachineState.UNKNOWN);
        this.lockedByTask = null;
        this.stateBeforeLock = null;
    }
}
