package com.abiquo.rs.hypervisor.simulated;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.Json;
import com.abiquo.messaging.model.MalformedMessageException;
import com.abiquo.messaging.model.VirtualMachineDefinition;
import com.abiquo.messaging.model.VmState;
import com.abiquo.rs.hypervisor.HostInfo;
import com.abiquo.rs.hypervisor.HypervisorException;
import com.abiquo.rs.hypervisor.HypervisorPlugin;
import com.abiquo.rs.hypervisor.VmInfo;

/**
 * A hypervisor that exists only in memory (and in a JSON file with a journal of changes beside it,
 * so that it survives a restart of the remote services, a kill -9 included): any address is a host, whose facts (cores, RAM, datastores, NICs) are
 * derived from a hash of the address, so they are the same on every call and every restart. It
 * never opens a connection to the address. Serves every hypervisor type.
 *
 * <p>Per-operation latency ({@code abiquo.rs.simulator.latencyMs}) and failure injection (a regex on
 * the VM's name makes CONFIGURE or POWER_ON fail) for tests. Operations are idempotent: a VM is
 * identified by its uuid.
 */
public final class SimulatedHypervisor implements HypervisorPlugin {

    private static final Logger LOG = Logger.getLogger(SimulatedHypervisor.class.getName());

    /** @param stateFile where the hosts and VMs are kept; null keeps them in memory only */
    public record Settings(long latencyMs, Pattern failConfigure, Pattern failPowerOn, Pattern failDeconfigure,
            Path stateFile) {
    }

    private record SimVm(String uuid, String name, VmState state, int cpu, int ramInMb) {
        VmInfo info() {
            return new VmInfo(uuid, name, state, cpu, ramInMb);
        }

        SimVm with(VmState s) {
            return new SimVm(uuid, name, s, cpu, ramInMb);
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("uuid", uuid);
            m.put("name", name);
            m.put("state", state.name());
            m.put("cpu", (long) cpu);
            m.put("ramInMb", (long) ramInMb);
            return m;
        }

        static SimVm fromJson(Map<?, ?> v) {
            return new SimVm((String) v.get("uuid"), (String) v.get("name"), VmState.valueOf((String) v.get("state")),
                    ((Long) v.get("cpu")).intValue(), ((Long) v.get("ramInMb")).intValue());
        }
    }

    /** Journal lines written before a new snapshot, besides one per VM. */
    static final int COMPACT_AFTER = 10_000;

    private final Settings settings;
    private Writer journalWriter;
    private int journalLines;
    /** host ip -> (vm uuid -> vm); sorted so that the file and listings are stable. */
    private final Map<String, Map<String, SimVm>> hosts = new TreeMap<>();

    public SimulatedHypervisor(Settings settings) {
        this.settings = settings;
        load();
    }

    @Override
    public boolean supports(String hypervisorType) {
        return true;
    }

    // ---- hypervisor operations ------------------------------------------------------------

    @Override
    public HostInfo discover(HypervisorConnection host) {
        latency();
        synchronized (this) {
            if (hosts.putIfAbsent(host.ip(), new TreeMap<>()) == null) {
                record(Map.of("host", host.ip()));
            }
        }
        return facts(host);
    }

    /** The host's facts, a pure function of its address. */
    public static HostInfo facts(HypervisorConnection host) {
        byte[] h = hash(host.ip());
        int cores = new int[] {4, 8, 16, 24, 32, 48, 64, 96}[h[0] & 7];
        int ramInMb = 1024 * new int[] {16, 32, 64, 96, 128, 192, 256, 512}[h[1] & 7];
        int datastoreCount = 1 + (h[2] & 3) % 3;
        List<HostInfo.Datastore> datastores = new ArrayList<>();
        for (int i = 0; i < datastoreCount; i++) {
            long size = (256L + (h[3 + i] & 0xff) * 16L) * 1024 * 1024 * 1024;
            datastores.add(new HostInfo.Datastore("datastore" + (i + 1), "/var/lib/virt/ds" + (i + 1),
                    String.format("sim-%02x%02x%02x%02x-%d", h[8], h[9], h[10], h[11], i + 1), size,
                    size / 100 * (1 + (h[6 + i] & 0x0f))));
        }
        int nicCount = 1 + (h[12] & 3);
        List<HostInfo.Nic> nics = new ArrayList<>();
        for (int i = 0; i < nicCount; i++) {
            nics.add(new HostInfo.Nic("eth" + i, String.format("02:%02x:%02x:%02x:%02x:%02x", h[13] & 0xff,
                    h[14] & 0xff, h[15] & 0xff, h[16] & 0xff, (h[17] + i) & 0xff)));
        }
        return new HostInfo("sim-" + host.ip().replace(':', '-'), host.ip(), host.hypervisorType(), host.port(), cores,
                ramInMb, datastores, nics, "iqn.2026-01.com.abiquo.simulator:" + host.ip().replace(':', '-'));
    }

    private static byte[] hash(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public VmInfo configure(HypervisorConnection host, VirtualMachineDefinition vm) {
        latency();
        // the simulator shows (and matches failure patterns on) the user's label when the VM has one
        String shown = vm.label() != null ? vm.label() : vm.name();
        if (matches(settings.failConfigure(), shown)) {
            throw new HypervisorException("SIM-CONFIGURE", "Simulated failure configuring " + shown
                    + " (abiquo.rs.simulator.failConfigurePattern)");
        }
        synchronized (this) {
            Map<String, SimVm> vms = hosts.computeIfAbsent(host.ip(), k -> new TreeMap<>());
            SimVm existing = vms.get(vm.uuid());
            if (existing != null) {
                return existing.info(); // the same task again: already done
            }
            return put(host, new SimVm(vm.uuid(), shown, VmState.CONFIGURED, vm.cpu(), vm.ramInMb()));
        }
    }

    @Override
    public VmInfo deconfigure(HypervisorConnection host, String vmUuid) {
        latency();
        synchronized (this) {
            Map<String, SimVm> vms = hosts.get(host.ip());
            SimVm vm = vms == null ? null : vms.get(vmUuid);
            if (vm != null && matches(settings.failDeconfigure(), vm.name())) {
                throw new HypervisorException("SIM-DECONFIGURE", "Simulated failure deconfiguring " + vm.name()
                        + " (abiquo.rs.simulator.failDeconfigurePattern)");
            }
            if (vms != null && vms.remove(vmUuid) != null) {
                recordRemoval(host.ip(), vmUuid);
            }
            return VmInfo.notFound(vmUuid);
        }
    }

    @Override
    public VmInfo reconfigure(HypervisorConnection host, VirtualMachineDefinition vm) {
        latency();
        synchronized (this) {
            SimVm existing = existing(host, vm.uuid());
            if (existing.state() == VmState.ON || existing.state() == VmState.PAUSED) {
                throw new HypervisorException("SIM-STATE", "VM " + vm.uuid() + " is " + existing.state()
                        + ": power it off to reconfigure");
            }
            SimVm changed = new SimVm(existing.uuid(), existing.name(), existing.state(), vm.cpu(), vm.ramInMb());
            return put(host, changed);
        }
    }

    @Override
    public VmInfo powerOn(HypervisorConnection host, String vmUuid) {
        latency();
        synchronized (this) {
            SimVm vm = existing(host, vmUuid);
            if (matches(settings.failPowerOn(), vm.name())) {
                throw new HypervisorException("SIM-POWER_ON", "Simulated failure powering on " + vm.name()
                        + " (abiquo.rs.simulator.failPowerOnPattern)");
            }
            if (vm.state() == VmState.PAUSED) {
                throw new HypervisorException("SIM-STATE", "VM " + vmUuid + " is PAUSED: resume it");
            }
            return put(host, vm.with(VmState.ON));
        }
    }

    @Override
    public VmInfo powerOff(HypervisorConnection host, String vmUuid) {
        return transition(host, vmUuid, null, VmState.OFF);
    }

    @Override
    public VmInfo shutdown(HypervisorConnection host, String vmUuid) {
        return transition(host, vmUuid, null, VmState.OFF);
    }

    @Override
    public VmInfo reset(HypervisorConnection host, String vmUuid) {
        return transition(host, vmUuid, VmState.ON, VmState.ON);
    }

    @Override
    public VmInfo pause(HypervisorConnection host, String vmUuid) {
        return transition(host, vmUuid, VmState.ON, VmState.PAUSED);
    }

    @Override
    public VmInfo resume(HypervisorConnection host, String vmUuid) {
        return transition(host, vmUuid, VmState.PAUSED, VmState.ON);
    }

    /** Moves a VM to {@code to}; {@code from}, when given, is required unless it is there already. */
    private VmInfo transition(HypervisorConnection host, String vmUuid, VmState from, VmState to) {
        latency();
        synchronized (this) {
            SimVm vm = existing(host, vmUuid);
            if (vm.state() == to && from != to) {
                return vm.info(); // idempotent
            }
            if (from != null && vm.state() != from) {
                throw new HypervisorException("SIM-STATE", "VM " + vmUuid + " is " + vm.state() + ", not " + from);
            }
            return put(host, vm.with(to));
        }
    }

    @Override
    public synchronized List<VmInfo> listVms(HypervisorConnection host) {
        return vms(host.ip());
    }

    @Override
    public synchronized VmInfo vm(HypervisorConnection host, String vmUuid) {
        SimVm vm = hosts.getOrDefault(host.ip(), Map.of()).get(vmUuid);
        return vm == null ? VmInfo.notFound(vmUuid) : vm.info();
    }

    // ---- the simulator's own control ("outside the platform") -----------------------------------

    /** The addresses of every host the simulator knows. */
    public synchronized List<String> hosts() {
        return List.copyOf(hosts.keySet());
    }

    public synchronized List<VmInfo> vms(String hostIp) {
        return hosts.getOrDefault(hostIp, Map.of()).values().stream().map(SimVm::info).toList();
    }

    /** Changes a VM's state as someone on the host would; empty when there is no such VM. */
    public synchronized Optional<VmInfo> setState(String hostIp, String vmUuid, VmState state) {
        if (state == VmState.NOT_FOUND || state == VmState.UNKNOWN) {
            throw new IllegalArgumentException("a VM cannot be set " + state);
        }
        SimVm vm = hosts.getOrDefault(hostIp, Map.of()).get(vmUuid);
        if (vm == null) {
            return Optional.empty();
        }
        return Optional.of(put(hostIp, vm.with(state)));
    }

    /** Removes a VM as someone on the host would; false when there was none. */
    public synchronized boolean remove(String hostIp, String vmUuid) {
        Map<String, SimVm> vms = hosts.get(hostIp);
        boolean removed = vms != null && vms.remove(vmUuid) != null;
        if (removed) {
            recordRemoval(hostIp, vmUuid);
        }
        return removed;
    }

    /** Makes a host disappear with its VMs (unplugged, as far as the monitor can tell); false when unknown. */
    public synchronized boolean removeHost(String hostIp) {
        boolean removed = hosts.remove(hostIp) != null;
        if (removed) {
            record(Map.of("removedHost", hostIp));
        }
        return removed;
    }

    // ---- internals ------------------------------------------------------------------------------

    private SimVm existing(HypervisorConnection host, String vmUuid) {
        SimVm vm = hosts.getOrDefault(host.ip(), Map.of()).get(vmUuid);
        if (vm == null) {
            throw new HypervisorException("SIM-NOT_FOUND", "VM " + vmUuid + " does not exist on " + host.ip());
        }
        return vm;
    }

    private VmInfo put(HypervisorConnection host, SimVm vm) {
        return put(host.ip(), vm);
    }

    private VmInfo put(String hostIp, SimVm vm) {
        hosts.computeIfAbsent(hostIp, k -> new TreeMap<>()).put(vm.uuid(), vm);
        record(Map.of("host", hostIp, "vm", vm.toJson()));
        return vm.info();
    }

    private static boolean matches(Pattern p, String name) {
        return p != null && name != null && p.matcher(name).matches();
    }

    private void latency() {
        if (settings.latencyMs() > 0) {
            try {
                Thread.sleep(settings.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HypervisorException("SIM-INTERRUPTED", "interrupted");
            }
        }
    }

    /** The snapshot, then every change of the journal written after it (a torn last line is skipped). */
    private void load() {
        Path file = settings.stateFile();
        if (file == null) {
            return;
        }
        try {
            if (Files.exists(file)) {
                Map<String, Object> doc = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
                @SuppressWarnings("unchecked")
                Map<String, Object> saved = (Map<String, Object>) doc.getOrDefault("hosts", Map.of());
                for (Map.Entry<String, Object> host : saved.entrySet()) {
                    Map<String, SimVm> vms = new TreeMap<>();
                    for (Object o : (List<?>) host.getValue()) {
                        SimVm vm = SimVm.fromJson((Map<?, ?>) o);
                        vms.put(vm.uuid(), vm);
                    }
                    hosts.put(host.getKey(), vms);
                }
            }
            Path journal = journal();
            List<String> lines = Files.exists(journal) ? Files.readAllLines(journal, StandardCharsets.UTF_8) : List.of();
            for (int i = 0; i < lines.size(); i++) {
                try {
                    replay(Json.parseObject(lines.get(i)));
                } catch (MalformedMessageException e) {
                    if (i < lines.size() - 1) {
                        throw e;
                    }
                    LOG.warning(() -> "Simulated hypervisor: the last change in " + journal + " was cut short; skipped");
                }
            }
            journalLines = lines.size();
            LOG.info(() -> "Simulated hypervisor: " + hosts.size() + " hosts read from " + file + " and "
                    + journalLines + " changes after it");
        } catch (IOException | MalformedMessageException | ClassCastException | IllegalArgumentException
                | NullPointerException e) {
            throw new IllegalStateException("Cannot read the simulator's state " + file + ": " + e, e);
        }
    }

    private void replay(Map<String, Object> change) {
        if (change.get("removedHost") instanceof String ip) {
            hosts.remove(ip);
            return;
        }
        String ip = (String) change.get("host");
        Map<String, SimVm> vms = hosts.computeIfAbsent(ip, k -> new TreeMap<>());
        if (change.get("vm") instanceof Map<?, ?> v) {
            SimVm vm = SimVm.fromJson(v);
            vms.put(vm.uuid(), vm);
        } else if (change.get("removed") instanceof String uuid) {
            vms.remove(uuid);
        }
    }

    private Path journal() {
        Path file = settings.stateFile();
        return file.resolveSibling(file.getFileName() + ".journal");
    }

    private void recordRemoval(String hostIp, String vmUuid) {
        record(Map.of("host", hostIp, "removed", vmUuid));
    }

    /**
     * Appends one change to the journal (a line, handed to the operating system before the
     * operation returns, so a kill -9 loses nothing); when the journal has grown past the state's
     * own size, writes a new snapshot and starts the journal again. Cost per operation: one line,
     * not the whole state.
     */
    private void record(Map<String, Object> change) {
        Path file = settings.stateFile();
        if (file == null) {
            return;
        }
        try {
            if (journalWriter == null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                journalWriter = Files.newBufferedWriter(journal(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            journalWriter.write(Json.write(change));
            journalWriter.write('\n');
            journalWriter.flush();
            // the VMs are counted only once the journal is long: not on every operation
            if (++journalLines > COMPACT_AFTER && journalLines > COMPACT_AFTER + hosts.values().stream().mapToInt(Map::size).sum()) {
                compact(file);
            }
        } catch (IOException e) {
            throw new HypervisorException("SIM-STATE-FILE", "Cannot save the simulator's state: " + e.getMessage());
        }
    }

    /** The whole state to a temporary file moved over the old one (atomic), then an empty journal. */
    private void compact(Path file) throws IOException {
        Map<String, Object> saved = new LinkedHashMap<>();
        hosts.forEach((ip, vms) -> saved.put(ip, vms.values().stream().map(SimVm::toJson).toList()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Json.write(Map.of("hosts", saved)), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // a crash here replays the old journal over the new snapshot: the same end state
        journalWriter.close();
        journalWriter = Files.newBufferedWriter(journal(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        journalLines = 0;
    }
}
