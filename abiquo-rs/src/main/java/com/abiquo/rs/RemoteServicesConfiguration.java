package com.abiquo.rs;

import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.abiquo.config.AbiquoProperties;
import com.abiquo.messaging.Queues;

/**
 * What remote services read from abiquo.properties: above all, which datacenter they serve; then
 * RabbitMQ (the same keys as the API: abiquo.rabbitmq.addresses|username|password|virtualHost),
 * the simulated hypervisor and the monitor.
 *
 * @param dataDir where the simulator keeps its state ({@code abiquo.rs.dataDir}, default the
 *        server's {@code jboss.server.data.dir}/abiquo-rs)
 */
public record RemoteServicesConfiguration(String datacenterId, String rabbitmqAddresses, String rabbitmqUsername,
        String rabbitmqPassword, String rabbitmqVirtualHost, long simulatorLatencyMs, Pattern failConfigurePattern,
        Pattern failPowerOnPattern, Pattern failDeconfigurePattern, Path dataDir, long monitorIntervalMs, boolean virtualFactoryEnabled,
        int virtualFactoryConcurrency) {

    public static final String DATACENTER_ID = "abiquo.datacenter.id";

    public static RemoteServicesConfiguration from(AbiquoProperties p) {
        String id = p.required(DATACENTER_ID);
        if (!id.isEmpty()) {
            try {
                Queues.datacenterRequests(id);
            } catch (IllegalArgumentException e) {
                p.problem(DATACENTER_ID, "must be letters, digits, '_' or '-' (it names the datacenter's queues)");
            }
            if (id.length() > 64) {
                p.problem(DATACENTER_ID, "must be at most 64 characters");
            }
        }
        String addresses = p.string("abiquo.rabbitmq.addresses", "localhost:5672");
        String username = p.string("abiquo.rabbitmq.username", "guest");
        String password = p.raw("abiquo.rabbitmq.password").orElse("guest");
        String vhost = p.string("abiquo.rabbitmq.virtualHost", "/");
        long latency = p.integer("abiquo.rs.simulator.latencyMs", 0, 0, 600_000);
        Pattern failConfigure = pattern(p, "abiquo.rs.simulator.failConfigurePattern");
        Pattern failPowerOn = pattern(p, "abiquo.rs.simulator.failPowerOnPattern");
        Pattern failDeconfigure = pattern(p, "abiquo.rs.simulator.failDeconfigurePattern");
        String serverData = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        Path dataDir = Path.of(p.string("abiquo.rs.dataDir", Path.of(serverData, "abiquo-rs").toString()));
        long interval = p.integer("abiquo.rs.monitor.intervalMs", 5_000, 100, 3_600_000);
        boolean vf = p.bool("abiquo.rs.virtualfactory.enabled", true);
        int concurrency = (int) p.integer("abiquo.rs.virtualfactory.concurrency", 8, 1, 256);
        p.validate();
        return new RemoteServicesConfiguration(id, addresses, username, password, vhost, latency, failConfigure,
                failPowerOn, failDeconfigure, dataDir, interval, vf, concurrency);
    }

    private static Pattern pattern(AbiquoProperties p, String key) {
        return p.optional(key).map(s -> {
            try {
                return Pattern.compile(s);
            } catch (PatternSyntaxException e) {
                p.problem(key, "is not a regular expression: " + e.getDescription());
                return null;
            }
        }).orElse(null);
    }

    /** Never shows the RabbitMQ password. */
    @Override
    public String toString() {
        return "RemoteServicesConfiguration[datacenter " + datacenterId + ", rabbitmq " + rabbitmqAddresses + " vhost "
                + rabbitmqVirtualHost + " user " + rabbitmqUsername + ", simulator latency " + simulatorLatencyMs
                + " ms, failConfigure " + failConfigurePattern + ", failPowerOn " + failPowerOnPattern + ", failDeconfigure " + failDeconfigurePattern + ", data "
                + dataDir + ", monitor every " + monitorIntervalMs + " ms, virtual factory "
                + (virtualFactoryEnabled ? virtualFactoryConcurrency + " tasks at once" : "off") + "]";
    }
}
