package com.abiquo.scheduler.placement;

import java.util.Objects;
import java.util.Set;

import com.abiquo.scheduler.rules.FitPolicy;

/**
 * What one virtual machine needs, and the rules that apply to it.
 *
 * @param enterpriseId the enterprise the virtual machine belongs to
 * @param hypervisorType the hypervisor type it needs, case-sensitive ("KVM", "VMX_04", ...)
 * @param cpus virtual CPUs, not negative
 * @param ramMb RAM in MB, not negative
 * @param hdBytes disk in bytes, not negative
 * @param requiredRackId the rack it must go to, null for any rack
 * @param excludedEnterprises enterprises whose virtual machines it must not share a machine with;
 *        null is taken as none
 * @param fitPolicy how to rank the candidate machines
 */
public record PlacementRequest(int enterpriseId, String hypervisorType, int cpus, int ramMb, long hdBytes,
        Integer requiredRackId, Set<Integer> excludedEnterprises, FitPolicy fitPolicy) {

    public PlacementRequest {
        Objects.requireNonNull(hypervisorType, "hypervisorType");
        Objects.requireNonNull(fitPolicy, "fitPolicy");
        if (cpus < 0 || ramMb < 0 || hdBytes < 0) {
            throw new IllegalArgumentException("negative request: " + cpus + " CPUs, " + ramMb + " MB RAM, "
                    + hdBytes + " bytes of disk");
        }
        excludedEnterprises = excludedEnterprises == null ? Set.of() : Set.copyOf(excludedEnterprises);
    }
}
