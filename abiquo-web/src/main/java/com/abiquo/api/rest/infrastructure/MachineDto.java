package com.abiquo.api.rest.infrastructure;

import java.util.ArrayList;
import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.Machine;
import com.abiquo.infrastructure.MachineSpec;
import com.abiquo.infrastructure.MachineSpec.NicSpec;
import com.abiquo.infrastructure.NetworkInterface;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code machine+json}: a physical machine as discovered and then added to a rack, with its
 * datastores and NICs inline ({@code {collection:[...]}}). The hypervisor password is
 * write-only: read on input, never returned.
 */
public class MachineDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "machine+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "machines+json";

    /** IPv4, or IPv6 in its usual text forms. */
    static final String IP = "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*";

    public Integer id;

    @NotBlank
    @Size(max = 256)
    public String name;

    @Size(max = 100)
    public String description;

    @NotBlank
    @Pattern(regexp = IP, message = "must be an IP address")
    @Size(max = 64)
    public String ip;

    @Pattern(regexp = IP, message = "must be an IP address")
    @Size(max = 64)
    public String ipService;

    /** The hypervisor type's name, as in {@code /config/hypervisortypes/{NAME}}. */
    @NotBlank
    @Size(max = 32)
    public String type;

    @Size(max = 255)
    public String user;

    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    @Size(max = 255)
    public String password;

    @Min(0)
    @Max(65535)
    public Integer port;

    @NotNull
    @Min(1)
    public Integer virtualCpuCores;

    @NotNull
    @Min(1)
    public Integer virtualRamInMb;

    @Min(0)
    public Integer virtualCpusUsed;

    @Min(0)
    public Integer virtualRamUsedInMb;

    @Size(max = 256)
    public String initiatorIQN;

    @Size(max = 32)
    public String state;

    @Valid
    public Datastores datastores;

    @Valid
    public NetworkInterfaces networkInterfaces;

    /** {@code {collection:[datastore...]}}. */
    public static class Datastores extends RestDto {
        @Valid
        @Size(max = 256)
        public List<@NotNull DatastoreDto> collection = new ArrayList<>();
    }

    /** {@code {collection:[{name, mac, links:[networkservicetype]}]}}. */
    public static class NetworkInterfaces extends RestDto {
        @Valid
        @Size(max = 64)
        public List<@NotNull NetworkInterfaceDto> collection = new ArrayList<>();
    }

    /** A NIC of the machine and the network service type it serves. */
    public static class NetworkInterfaceDto extends RestDto {
        @NotBlank
        @Size(max = 64)
        public String name;

        @Size(max = 32)
        public String mac;
    }

    public MachineSpec toSpec() {
        List<MachineSpec.DatastoreSpec> ds = datastores == null || datastores.collection == null ? null
                : datastores.collection.stream().map(DatastoreDto::toSpec).toList();
        List<NicSpec> nics = networkInterfaces == null || networkInterfaces.collection == null ? null
                : networkInterfaces.collection.stream().map(n -> new NicSpec(n.name, n.mac,
                        n.link("networkservicetype").isEmpty() ? null
                                : InputLinks.id(n, "networkservicetype", "admin/datacenters/{dc}/networkservicetypes/{id}")))
                        .toList();
        return new MachineSpec(name.trim(), description, ip, ipService, type, user, password, port, virtualCpuCores,
                virtualRamInMb, virtualCpusUsed, virtualRamUsedInMb, initiatorIQN, state, ds, nics);
    }

    public static MachineDto from(Machine m, Links links) {
        MachineDto dto = new MachineDto();
        dto.id = m.getId();
        dto.name = m.getName();
        dto.description = m.getDescription();
        dto.ip = m.getIp();
        dto.ipService = m.getIpService();
        dto.type = m.getHypervisorType().name();
        dto.user = m.getHypervisorUser();
        dto.port = m.getPort();
        dto.virtualCpuCores = m.getVirtualCpuCores();
        dto.virtualRamInMb = m.getVirtualRamInMb();
        dto.virtualCpusUsed = m.getVirtualCpusUsed();
        dto.virtualRamUsedInMb = m.getVirtualRamUsedInMb();
        dto.initiatorIQN = m.getInitiatorIqn();
        dto.state = m.getState().name();
        String self = path(m);
        dto.datastores = new Datastores();
        m.getDatastores().forEach(d -> dto.datastores.collection.add(DatastoreDto.from(d, links, self)));
        dto.networkInterfaces = new NetworkInterfaces();
        m.getNetworkInterfaces().forEach(n -> dto.networkInterfaces.collection.add(nic(n, links)));
        dto.add(links.titled("edit", TYPE, m.getName(), self));
        dto.add(RackDto.link(links, m.getRack()));
        dto.add(DatacenterDto.link(links, m.getDatacenter()));
        dto.add(links.link("datastores", DatastoreDto.COLLECTION_TYPE, self + "/datastores"));
        dto.add(links.titled("hypervisortype", HypervisorTypeDto.TYPE, m.getHypervisorType().name(),
                "config/hypervisortypes/%s", m.getHypervisorType().name()));
        return dto;
    }

    /** The link a rule or a reservation carries to its machine. */
    public static LinkDto link(Links links, Machine m) {
        return links.titled("machine", TYPE, m.getName(), path(m));
    }

    /** {@code admin/datacenters/{dc}/racks/{rack}/machines/{m}}, under the API root. */
    static String path(Machine m) {
        return RackDto.path(m.getRack()) + "/machines/" + m.getId();
    }

    private static NetworkInterfaceDto nic(NetworkInterface n, Links links) {
        NetworkInterfaceDto dto = new NetworkInterfaceDto();
        dto.name = n.getName();
        dto.mac = n.getMac();
        if (n.getNetworkServiceType() != null) {
            LinkDto nst = NetworkServiceTypeDto.link(links, n.getNetworkServiceType());
            dto.add(nst);
        }
        return dto;
    }
}
