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

/** Storage of a machine where virtual machine disks live; sizes in bytes. */
@Entity
@Table(name = "datastore")
public class Datastore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "machine_id")
    private Machine machine;

    @Column(nullable = false)
    private String name;

    @Column(name = "root_path", nullable = false)
    private String rootPath;

    @Column(nullable = false)
    private String directory = "";

    @Column(name = "datastore_uuid")
    private String datastoreUuid;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    /** Written only by the scheduler's reservations (SQL increments) once the datastore exists. */
    @Column(name = "used_size_bytes", nullable = false, updatable = false)
    private long usedSize;

    protected Datastore() {
    }

    public Datastore(String name, String rootPath) {
        this.name = name;
        this.rootPath = rootPath;
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

    public void setName(String name) {
        this.name = name;
    }

    public String getRootPath() {
        return rootPath;
    }

    public void setRootPath(String rootPath) {
        this.rootPath = rootPath;
    }

    public String getDirectory() {
        return directory;
    }

    public void setDirectory(String directory) {
        this.directory = directory == null ? "" : directory;
    }

    public String getDatastoreUuid() {
        return datastoreUuid;
    }

    public void setDatastoreUuid(String datastoreUuid) {
        this.datastoreUuid = datastoreUuid;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public long getUsedSize() {
        return usedSize;
    }

    public void setUsedSize(long usedSize) {
        this.usedSize = usedSize;
    }
}
