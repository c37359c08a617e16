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

/** A key/value tag of a virtual machine (one value per key). */
@Entity
@Table(name = "vm_tag")
public class VirtualMachineTag {

    public static final int MAX_KEY = 128;
    public static final int MAX_VALUE = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "virtual_machine_id")
    private VirtualMachine virtualMachine;

    @Column(name = "tag_key", nullable = false, length = MAX_KEY)
    private String key;

    @Column(name = "tag_value", nullable = false, length = MAX_VALUE)
    private String value;

    protected VirtualMachineTag() {
    }

    public VirtualMachineTag(VirtualMachine vm, String key, String value) {
        this.virtualMachine = vm;
        this.key = key;
        this.value = value;
    }

    public Integer getId() { return id; }
    public VirtualMachine getVirtualMachine() { return virtualMachine; }
    public String getKey() { return key; }
    public String getValue() { return value; }
}
