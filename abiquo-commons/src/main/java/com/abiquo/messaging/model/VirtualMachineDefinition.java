package com.abiquo.messaging.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hypervisor needs to define a VM: JSON {@code {"uuid", "name", "cpu", "ramInMb",
 * "hdInBytes", "disk": {"path", "format", "sizeInBytes"}, "nics": [{"mac", "ip", "vlanTag",
 * "networkName"}]}}. {@code name} is the VM's label on the hypervisor (Abiquo's {@code ABQ_<uuid>}
 * or the user's name); {@code disk.path} is the template disk in the datacenter's repository.
 */
public record VirtualMachineDefinition(String uuid, String name, int cpu, int ramInMb, long hdInBytes, Disk disk,
        List<Nic> nics, String label) {

    /** Without the label users gave it (optional: JSON {@code "label"}, what the user calls the VM). */
    public VirtualMachineDefinition(String uuid, String name, int cpu, int ramInMb, long hdInBytes, Disk disk,
            List<Nic> nics) {
        this(uuid, name, cpu, ramInMb, hdInBytes, disk, nics, null);
    }

    public VirtualMachineDefinition {
        HypervisorConnection.require(uuid, "uuid");
        HypervisorConnection.require(name, "name");
        if (cpu < 1 || ramInMb < 1 || hdInBytes < 0) {
            throw new IllegalArgumentException("cpu and ramInMb must be positive, hdInBytes not negative");
        }
        nics = nics == null ? List.of() : List.copyOf(nics);
    }

    /** The template disk: its path in the repository, its format (e.g. VMDK_STREAM_OPTIMIZED, QCOW2). */
    public record Disk(String path, String format, long sizeInBytes) {
        public Disk {
            HypervisorConnection.require(path, "disk.path");
            HypervisorConnection.require(format, "disk.format");
        }
    }

    /** A NIC: its MAC, the IP it gets (may be null), its VLAN tag (null when untagged) and network name. */
    public record Nic(String mac, String ip, Integer vlanTag, String networkName) {
        public Nic {
            HypervisorConnection.require(mac, "nic.mac");
            if (vlanTag != null && (vlanTag < 0 || vlanTag > 4094)) {
                throw new IllegalArgumentException("vlanTag must be between 0 and 4094");
            }
        }
    }

    /** The same VM with other resources (a reconfigure). */
    public VirtualMachineDefinition withResources(int newCpu, int newRamInMb) {
        return new VirtualMachineDefinition(uuid, name, newCpu, newRamInMb, hdInBytes, disk, nics, label);
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", uuid);
        m.put("name", name);
        m.put("cpu", (long) cpu);
        m.put("ramInMb", (long) ramInMb);
        m.put("hdInBytes", hdInBytes);
        if (disk != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("path", disk.path());
            d.put("format", disk.format());
            d.put("sizeInBytes", disk.sizeInBytes());
            m.put("disk", d);
        }
        if (label != null) {
            m.put("label", label);
        }
        m.put("nics", nics.stream().map(n -> {
            Map<String, Object> nm = new LinkedHashMap<>();
            nm.put("mac", n.mac());
            nm.put("ip", n.ip());
            nm.put("vlanTag", n.vlanTag() == null ? null : (long) n.vlanTag());
            nm.put("networkName", n.networkName());
            return (Object) nm;
        }).toList());
        return m;
    }

    static VirtualMachineDefinition from(Fields f) {
        Disk disk = null;
        Fields d = f.optionalObject("disk");
        if (d != null) {
            disk = Fields.checked(() -> new Disk(d.string("path"), d.string("format"),
                    d.number("sizeInBytes", 0, Long.MAX_VALUE)));
        }
        List<Nic> nics = f.list("nics", false, n -> Fields.checked(() -> new Nic(n.string("mac"),
                n.optionalString("ip"), n.optionalInt("vlanTag", 0, 4094), n.optionalString("networkName"))));
        Disk disk2 = disk;
        return Fields.checked(() -> new VirtualMachineDefinition(f.string("uuid"), f.string("name"),
                (int) f.number("cpu", 1, 4096), (int) f.number("ramInMb", 1, Integer.MAX_VALUE),
                f.number("hdInBytes", 0, Long.MAX_VALUE), disk2, nics, f.optionalString("label")));
    }
}
