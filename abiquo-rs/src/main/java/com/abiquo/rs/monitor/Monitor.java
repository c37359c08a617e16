package com.abiquo.rs.monitor;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.abiquo.messaging.model.VmState;
import com.abiquo.messaging.model.VmStateEvent;
import com.abiquo.rs.hypervisor.VmInfo;
import com.abiquo.rs.hypervisor.simulated.SimulatedHypervisor;
import com.abiquo.rs.virtualfactory.JobRunner;

/**
 * The virtual system monitor: every {@code abiquo.rs.monitor.intervalMs} it reads the VMs of the
 * hosts the simulator knows and publishes a {@link VmStateEvent} for each VM whose state changed
 * since it last saw it, or that disappeared (NOT_FOUND). Changes made by the platform itself (the
 * virtual factory's jobs) go through {@link #apply}: while one runs, a poll leaves that VM alone,
 * and the monitor records its result as it ends, so it reports only the changes made outside the
 * platform. Operations on different VMs run at once (the virtual factory runs several tasks).
 *
 * <p>The VMs of a host that disappeared are reported UNKNOWN. A VM seen for the first time (also after a restart of the remote services) is recorded
 * without an event. An event that cannot be published is tried again at the next poll.
 */
public final class Monitor implements JobRunner.PlatformChanges {

    private static final Logger LOG = Logger.getLogger(Monitor.class.getName());

    private record Key(String hostIp, String uuid) {
    }

    private final String datacenterId;
    private final SimulatedHypervisor simulator;
    private final Consumer<VmStateEvent> publisher;
    private final Clock clock;
    private final Map<Key, VmState> known = new HashMap<>();
    /** VMs the platform is changing now (how many operations on each); guarded by this. */
    private final Map<Key, Integer> changing = new HashMap<>();
    private final AtomicLong sequence;
    private ScheduledExecutorService executor;

    public Monitor(String datacenterId, SimulatedHypervisor simulator, Consumer<VmStateEvent> publisher, Clock clock) {
        this.datacenterId = datacenterId;
        this.simulator = simulator;
        this.publisher = publisher;
        this.clock = clock;
        this.sequence = new AtomicLong(clock.millis() * 1000);
    }

    @Override
    public VmInfo apply(String hostIp, String vmUuid, Supplier<VmInfo> operation) {
        Key key = new Key(hostIp, vmUuid);
        synchronized (this) {
            changing.merge(key, 1, Integer::sum);
        }
        VmInfo result = null;
        try {
            result = operation.get();
            return result;
        } finally {
            synchronized (this) {
                changing.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
                if (result == null) {
                    // the operation failed: what the VM is now, the next poll tells
                } else if (result.exists()) {
                    known.put(key, result.state());
                } else {
                    known.remove(key);
                }
            }
        }
    }

    /** One look at every host; returns the events published. */
    public synchronized List<VmStateEvent> poll() {
        List<VmStateEvent> events = new java.util.ArrayList<>();
        List<String> hosts = simulator.hosts();
        for (Iterator<Map.Entry<Key, VmState>> it = known.entrySet().iterator(); it.hasNext();) {
            Key key = it.next().getKey();
            if (!hosts.contains(key.hostIp()) && publish(key.hostIp(), key.uuid(), VmState.UNKNOWN, events)) {
                it.remove();
            }
        }
        for (String host : hosts) {
            Set<String> present = new HashSet<>();
            for (VmInfo vm : simulator.vms(host)) {
                present.add(vm.uuid());
                Key key = new Key(host, vm.uuid());
                VmState before = known.get(key);
                if (changing.containsKey(key)) {
                    continue; // the platform's own change, recorded when it ends
                } else if (before == null) {
                    known.put(key, vm.state());
                } else if (before != vm.state() && publish(host, vm.uuid(), vm.state(), events)) {
                    known.put(key, vm.state());
                }
            }
            for (Iterator<Map.Entry<Key, VmState>> it = known.entrySet().iterator(); it.hasNext();) {
                Map.Entry<Key, VmState> e = it.next();
                if (e.getKey().hostIp().equals(host) && !present.contains(e.getKey().uuid())
                        && !changing.containsKey(e.getKey()) && publish(host, e.getKey().uuid(), VmState.NOT_FOUND, events)) {
                    it.remove();
                }
            }
        }
        return events;
    }

    private boolean publish(String host, String uuid, VmState state, List<VmStateEvent> events) {
        long seq = sequence.incrementAndGet();
        VmStateEvent event = new VmStateEvent("vsm-" + datacenterId + "-" + seq, datacenterId, host, uuid, state,
                clock.instant(), seq);
        try {
            publisher.accept(event);
            events.add(event);
            LOG.info(() -> "VM " + uuid + " on " + host + " is now " + state + " (outside the platform): event " + seq);
            return true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot publish the state change of VM " + uuid + " on " + host + " (" + e.getMessage()
                    + "); trying again at the next poll");
            return false;
        }
    }

    public void start(long intervalMs) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "abiquo-rs monitor " + datacenterId);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                poll();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Monitor poll failed", e);
            }
        }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
