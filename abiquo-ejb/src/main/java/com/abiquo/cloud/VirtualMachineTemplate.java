package com.abiquo.cloud;

import com.abiquo.infrastructure.Datacenter;
import com.abiquo.tenancy.Enterprise;

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
 * A template of an enterprise's repository in a datacenter (the repository id is the datacenter
 * id), imported from the datacenter's appliance manager catalogue where {@code path} names it.
 */
@Entity
@Table(name = "vm_template")
public class VirtualMachineTemplate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "enterprise_id")
    private Enterprise enterprise;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "datacenter_id")
    private Datacenter datacenter;

    @Column(nullable = false)
    private String path;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false)
    private String description = "";

    @Column(name = "disk_format", nullable = false, length = 32)
    private String diskFormat;

    @Column(name = "disk_file_size", nullable = false)
    private long diskFileSize;

    @Column(name = "cpu_required", nullable = false)
    private int cpuRequired;

    @Column(name = "ram_required", nullable = false)
    private int ramRequired;

    @Column(name = "hd_required", nullable = false)
    private long hdRequired;

    @Column(name = "os_type", nullable = false, length = 64)
    private String osType = "UNRECOGNIZED";

    @Column(name = "icon_url", nullable = false)
    private String iconUrl = "";

    @Column(nullable = false, length = 64)
    private String category = "Others";

    @Version
    private int version;

    protected VirtualMachineTemplate() {
    }

    public VirtualMachineTemplate(Enterprise enterprise, Datacenter datacenter, String path) {
        this.enterprise = enterprise;
        this.datacenter = datacenter;
        this.path = path;
    }

    /** Takes every catalogue value (refresh updates templates in place). */
    public void importFrom(TemplateSpec s) {
        name = s.name();
        description = s.description() == null ? "" : s.description();
        diskFormat = s.diskFormat();
        diskFileSize = s.diskFileSize();
        cpuRequired = s.cpuRequired();
        ramRequired = s.ramRequired();
        hdRequired = s.hdRequired();
        osType = s.osType() == null ? "UNRECOGNIZED" : s.osType();
        iconUrl = s.iconUrl() == null ? "" : s.iconUrl();
        category = s.category() == null || s.category().isBlank() ? "Others" : s.category();
    }

    public Integer getId() { return id; }
    public Enterprise getEnterprise() { return enterprise; }
    public Datacenter getDatacenter() { return datacenter; }
    public String getPath() { return path; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String d) { this.description = d == null ? "" : d; }
    public String getDiskFormat() { return diskFormat; }
    public long getDiskFileSize() { return diskFileSize; }
    public int getCpuRequired() { return cpuRequired; }
    public void setCpuRequired(int v) { cpuRequired = v; }
    public int getRamRequired() { return ramRequired; }
    public void setRamRequired(int v) { ramRequired = v; }
    public long getHdRequired() { return hdRequired; }
    public void setHdRequired(long v) { hdRequired = v; }
    public String getOsType() { return osType; }
    public String getIconUrl() { return iconUrl; }
    public void setIconUrl(String v) { iconUrl = v == null ? "" : v; }
    public String getCategory() { return category; }
    public void setCategory(String v) { category = v == null || v.isBlank() ? "Others" : v; }
}
