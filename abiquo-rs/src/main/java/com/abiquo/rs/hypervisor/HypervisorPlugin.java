package com.abiquo.rs.hypervisor;

import java.util.List;

import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.VirtualMachineDefinition;

/**
 * What the remote services need from a hypervisor. Every operation is idempotent where the
 * virtual factory may repeat it (a redelivered task): configuring a VM that exists with the same
 * uuid succeeds, deconfiguring a VM that does not exist succeeds, powering on a VM that is ON
 * succeeds. Failures are {@link HypervisorException}s with a code.
 */
public interface HypervisorPlugin {

    /** The hypervisor types this plugin serves (names as in {@code /config/hypervisortypes}). */
    boolean supports(String hypervisorType);

    /** The host's facts: CPU, RAM, datastores and NICs. */
    HostInfo discover(HypervisorConnection host);

    /** Defines the VM (disk copied from the template, NICs); it is left CONFIGURED (off). */
    VmInfo configure(HypervisorConnection host, VirtualMachineDefinition vm);

    /** Removes the VM (powered off first if needed) and its disks. */
    VmInfo deconfigure(HypervisorConnection host, String vmUuid);

    /** Changes the CPU and RAM of a VM that is not running. */
    VmInfo reconfigure(HypervisorConnection host, VirtualMachineDefinition vm);

    VmInfo powerOn(HypervisorConnection host, String vmUuid);

    /** Hard power off. */
    VmInfo powerOff(HypervisorConnection host, String vmUuid);

    /** ACPI shutdown: the guest turns itself off. */
    VmInfo shutdown(HypervisorConnection host, String vmUuid);

    VmInfo reset(HypervisorConnection host, String vmUuid);

    VmInfo pause(HypervisorConnection host, String vmUuid);

    VmInfo resume(HypervisorConnection host, String vmUuid);

    /** Every VM on the host with its state. */
    List<VmInfo> listVms(HypervisorConnection host);

    /** One VM's state (NOT_FOUND when the host does not have it). */
    VmInfo vm(HypervisorConnection host, String vmUuid);
}
