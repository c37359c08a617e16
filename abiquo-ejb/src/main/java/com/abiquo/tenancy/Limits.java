package com.abiquo.tenancy;

import java.util.ArrayList;
import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Soft and hard limits of an enterprise, of its use of one datacenter, or (later) of a virtual
 * datacenter. 0 means unlimited. Exceeding a soft limit warns; exceeding a hard limit refuses.
 */
@Embeddable
public class Limits {

    @Column(name = "cpu_soft", nullable = false) private long cpuSoft;
    @Column(name = "cpu_hard", nullable = false) private long cpuHard;
    @Column(name = "ram_soft_mb", nullable = false) private long ramSoftMb;
    @Column(name = "ram_hard_mb", nullable = false) private long ramHardMb;
    @Column(name = "disk_soft_mb", nullable = false) private long diskSoftMb;
    @Column(name = "disk_hard_mb", nullable = false) private long diskHardMb;
    @Column(name = "storage_soft_mb", nullable = false) private long storageSoftMb;
    @Column(name = "storage_hard_mb", nullable = false) private long storageHardMb;
    @Column(name = "repository_soft_mb", nullable = false) private long repositorySoftMb;
    @Column(name = "repository_hard_mb", nullable = false) private long repositoryHardMb;
    @Column(name = "vlans_soft", nullable = false) private long vlansSoft;
    @Column(name = "vlans_hard", nullable = false) private long vlansHard;
    @Column(name = "public_ips_soft", nullable = false) private long publicIpsSoft;
    @Column(name = "public_ips_hard", nullable = false) private long publicIpsHard;
    @Column(name = "vms_soft", nullable = false) private long vmsSoft;
    @Column(name = "vms_hard", nullable = false) private long vmsHard;

    public Limits() {
    }

    /** The pairs whose soft limit is above a (non-zero) hard limit; empty when consistent. */
    public List<String> softAboveHard() {
        List<String> wrong = new ArrayList<>();
        check(wrong, "cpu", cpuSoft, cpuHard);
        check(wrong, "ram", ramSoftMb, ramHardMb);
        check(wrong, "disk", diskSoftMb, diskHardMb);
        check(wrong, "storage", storageSoftMb, storageHardMb);
        check(wrong, "repository", repositorySoftMb, repositoryHardMb);
        check(wrong, "vlans", vlansSoft, vlansHard);
        check(wrong, "public IPs", publicIpsSoft, publicIpsHard);
        check(wrong, "virtual machines", vmsSoft, vmsHard);
        return wrong;
    }

    /** Refuses (400 LIMIT-3) limits whose soft value is above a non-zero hard value. */
    public static void requireConsistent(Limits limits) {
        List<String> wrong = limits.softAboveHard();
        if (!wrong.isEmpty()) {
            throw ApiException.of(ApiError.LIMIT_SOFT_ABOVE_HARD, String.join(", ", wrong));
        }
    }

    private static void check(List<String> wrong, String what, long soft, long hard) {
        if (hard != 0 && soft > hard) {
            wrong.add(what);
        }
    }

    public void copyFrom(Limits o) {
        cpuSoft = o.cpuSoft; cpuHard = o.cpuHard; ramSoftMb = o.ramSoftMb; ramHardMb = o.ramHardMb;
        diskSoftMb = o.diskSoftMb; diskHardMb = o.diskHardMb; storageSoftMb = o.storageSoftMb;
        storageHardMb = o.storageHardMb; repositorySoftMb = o.repositorySoftMb; repositoryHardMb = o.repositoryHardMb;
        vlansSoft = o.vlansSoft; vlansHard = o.vlansHard; publicIpsSoft = o.publicIpsSoft;
        publicIpsHard = o.publicIpsHard; vmsSoft = o.vmsSoft; vmsHard = o.vmsHard;
    }

    public long getCpuSoft() { return cpuSoft; }
    public void setCpuSoft(long v) { cpuSoft = v; }
    public long getCpuHard() { return cpuHard; }
    public void setCpuHard(long v) { cpuHard = v; }
    public long getRamSoftMb() { return ramSoftMb; }
    public void setRamSoftMb(long v) { ramSoftMb = v; }
    public long getRamHardMb() { return ramHardMb; }
    public void setRamHardMb(long v) { ramHardMb = v; }
    public long getDiskSoftMb() { return diskSoftMb; }
    public void setDiskSoftMb(long v) { diskSoftMb = v; }
    public long getDiskHardMb() { return diskHardMb; }
    public void setDiskHardMb(long v) { diskHardMb = v; }
    public long getStorageSoftMb() { return storageSoftMb; }
    public void setStorageSoftMb(long v) { storageSoftMb = v; }
    public long getStorageHardMb() { return storageHardMb; }
    public void setStorageHardMb(long v) { storageHardMb = v; }
    public long getRepositorySoftMb() { return repositorySoftMb; }
    public void setRepositorySoftMb(long v) { repositorySoftMb = v; }
    public long getRepositoryHardMb() { return repositoryHardMb; }
    public void setRepositoryHardMb(long v) { repositoryHardMb = v; }
    public long getVlansSoft() { return vlansSoft; }
    public void setVlansSoft(long v) { vlansSoft = v; }
    public long getVlansHard() { return vlansHard; }
    public void setVlansHard(long v) { vlansHard = v; }
    public long getPublicIpsSoft() { return publicIpsSoft; }
    public void setPublicIpsSoft(long v) { publicIpsSoft = v; }
    public long getPublicIpsHard() { return publicIpsHard; }
    public void setPublicIpsHard(long v) { publicIpsHard = v; }
    public long getVmsSoft() { return vmsSoft; }
    public void setVmsSoft(long v) { vmsSoft = v; }
    public long getVmsHard() { return vmsHard; }
    public void setVmsHard(long v) { vmsHard = v; }
}
