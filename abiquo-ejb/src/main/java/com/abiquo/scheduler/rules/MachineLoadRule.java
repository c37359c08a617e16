package com.abiquo.scheduler.rules;

import com.abiquo.infrastructure.Datacenter;
import com.abiquo.infrastructure.Machine;
import com.abiquo.infrastructure.Rack;

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

/**
 * The CPU and RAM load allowed on the machines of exactly one scope: a machine, a rack or a
 * datacenter. Percentages over 100 allow overcommit.
 */
@Entity
@Table(name = "machine_load_rule")
public class MachineLoadRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rack_id")
    private Rack rack;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "machine_id")
    private Machine machine;

    @Column(name = "cpu_load_percentage", nullable = false)
    private int cpuLoadPercentage;

    @Column(name = "ram_load_percentage", nullable = false)
    private int ramLoadPercentage;

    @Version
    private int version;

    protected MachineLoadRule() {
    }

    private MachineLoadRule(Datacenter datacenter, Rack rack, Machine machine, LoadLevel level) {
        this.datacenter = datacenter;
        this.rack = rack;
        this.machine = machine;
        setLevel(level);
    }

    public static MachineLoadRule forDatacenter(Datacenter dc, LoadLevel level) {
        return new MachineLoadRule(dc, null, null, level);
    }

    public static MachineLoadRule forRack(Rack rack, LoadLevel level) {
        return new MachineLoadRule(null, rack, null, level);
    }

    public static MachineLoadRule forMachine(Machine machine, LoadLevel level) {
        return new MachineLoadRule(null, null, machine, level);
    }

    public Integer getId() {
        return id;
    }

    /** The scope's datacenter: the rule's own, or that of its rack or machine. */
    public Datacenter getScopeDatacenter() {
        return machine != null ? machine.getDatacenter() : rack != null ? rack.getDatacenter() : datacenter;
    }

    /** The scope's rack, if the rule is about a rack or a machine. */
    public Rack getScopeRack() {
        return machine != null ? machine.getRack() : rack;
    }

    /** The machine, if the rule is about one. */
    public Machine getMachine() {
        return machine;
    }

    public LoadLevel getLevel() {
        return new LoadLevel(cpuLoadPercentage, ramLoadPercentage);
    }

    public void setLevel(LoadLevel level) {
        this.cpuLoadPercentage = level.cpuLoadPercentage();
        this.ramLoadPercentage = level.ramLoadPercentage();
    }
}
