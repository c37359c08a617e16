package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.tenancy.Limits;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * The soft/hard limit fields shared by {@code enterprise+json} and {@code limit+json}, with
 * Abiquo 3.10's names, and the one mapping between them and {@link Limits}. 0 means unlimited;
 * an absent field is 0.
 */
public abstract class LimitsDto extends RestDto {

    @PositiveOrZero public long cpuCountSoftLimit;
    @PositiveOrZero public long cpuCountHardLimit;
    @PositiveOrZero public long ramSoftLimitInMb;
    @PositiveOrZero public long ramHardLimitInMb;
    @PositiveOrZero public long diskSoftLimitInMb;
    @PositiveOrZero public long diskHardLimitInMb;
    @PositiveOrZero public long storageSoftInMb;
    @PositiveOrZero public long storageHardInMb;
    @PositiveOrZero public long repositorySoftInMb;
    @PositiveOrZero public long repositoryHardInMb;
    @PositiveOrZero public long vlansSoft;
    @PositiveOrZero public long vlansHard;
    @PositiveOrZero public long publicIpsSoft;
    @PositiveOrZero public long publicIpsHard;
    @PositiveOrZero public long vmsSoft;
    @PositiveOrZero public long vmsHard;

    public Limits toLimits() {
        Limits l = new Limits();
        l.setCpuSoft(cpuCountSoftLimit);
        l.setCpuHard(cpuCountHardLimit);
        l.setRamSoftMb(ramSoftLimitInMb);
        l.setRamHardMb(ramHardLimitInMb);
        l.setDiskSoftMb(diskSoftLimitInMb);
        l.setDiskHardMb(diskHardLimitInMb);
        l.setStorageSoftMb(storageSoftInMb);
        l.setStorageHardMb(storageHardInMb);
        l.setRepositorySoftMb(repositorySoftInMb);
        l.setRepositoryHardMb(repositoryHardInMb);
        l.setVlansSoft(vlansSoft);
        l.setVlansHard(vlansHard);
        l.setPublicIpsSoft(publicIpsSoft);
        l.setPublicIpsHard(publicIpsHard);
        l.setVmsSoft(vmsSoft);
        l.setVmsHard(vmsHard);
        return l;
    }

    protected void fillLimits(Limits l) {
        cpuCountSoftLimit = l.getCpuSoft();
        cpuCountHardLimit = l.getCpuHard();
        ramSoftLimitInMb = l.getRamSoftMb();
        ramHardLimitInMb = l.getRamHardMb();
        diskSoftLimitInMb = l.getDiskSoftMb();
        diskHardLimitInMb = l.getDiskHardMb();
        storageSoftInMb = l.getStorageSoftMb();
        storageHardInMb = l.getStorageHardMb();
        repositorySoftInMb = l.getRepositorySoftMb();
        repositoryHardInMb = l.getRepositoryHardMb();
        vlansSoft = l.getVlansSoft();
        vlansHard = l.getVlansHard();
        publicIpsSoft = l.getPublicIpsSoft();
        publicIpsHard = l.getPublicIpsHard();
        vmsSoft = l.getVmsSoft();
        vmsHard = l.getVmsHard();
    }
}
