package com.abiquo.infrastructure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hypervisors the platform can drive, identified by name in the API
 * ({@code /config/hypervisortypes/KVM}). SIMULATED is the built-in simulator of the remote
 * services: a real plugin behind the same interface.
 */
public enum HypervisorType {
    KVM("KVM", 8889, "VMDK_FLAT", List.of("QCOW2_SPARSE", "RAW", "VMDK_FLAT", "VMDK_SPARSE")),
    VMX_04("ESXi", 443, "VMDK_FLAT", List.of("VMDK_FLAT", "VMDK_SPARSE", "VMDK_STREAM_OPTIMIZED")),
    HYPERV_301("Hyper-V", 5985, "VHD_SPARSE", List.of("VHD_FLAT", "VHD_SPARSE")),
    XENSERVER("XenServer", 9363, "VHD_SPARSE", List.of("VHD_FLAT", "VHD_SPARSE")),
    VBOX("VirtualBox", 8889, "VDI_FLAT", List.of("VDI_FLAT", "VDI_SPARSE", "VMDK_FLAT")),
    TEST_HYPERVISOR("Test hypervisor", 8889, "VMDK_FLAT", List.of("VMDK_FLAT", "VMDK_SPARSE", "RAW")),
    SIMULATED("Simulated hypervisor", 8889, "RAW", List.of("RAW", "QCOW2_SPARSE", "VMDK_FLAT", "VMDK_SPARSE"));

    private final String realName;
    private final int defaultPort;
    private final String baseFormat;
    private final List<String> compatibleFormats;

    HypervisorType(String realName, int defaultPort, String baseFormat, List<String> compatibleFormats) {
        this.realName = realName;
        this.defaultPort = defaultPort;
        this.baseFormat = baseFormat;
        this.compatibleFormats = compatibleFormats;
    }

    public String realName() {
        return realName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String baseFormat() {
        return baseFormat;
    }

    public List<String> compatibleFormats() {
        return compatibleFormats;
    }

    public static Optional<HypervisorType> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
