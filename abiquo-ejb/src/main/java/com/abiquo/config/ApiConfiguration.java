package com.abiquo.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.abiquo.security.ClientAddresses;

/**
 * What an API node reads from abiquo.properties, checked once at start: a missing or malformed
 * key stops the node with a message naming it.
 */
public record ApiConfiguration(
        Optional<URI> apiLocation,
        Optional<String> adminInitialPassword,
        int sessionTimeoutMinutes,
        int passwordHashIterations,
        int credentialCacheSeconds,
        int loginMaxFailures,
        int loginMaxFailuresPerAddress,
        int loginWindowSeconds,
        List<String> trustedProxies,
        String redisHost,
        int redisPort,
        String rabbitmqAddresses,
        String rabbitmqUsername,
        String rabbitmqPassword,
        String rabbitmqVirtualHost,
        Optional<String> nodeName,
        Optional<String> zookeeperConnection,
        int zookeeperSessionTimeoutMs,
        int zookeeperConnectionTimeoutMs,
        TaskTimes taskTimes) {

    /**
     * How long finished tasks stay readable; when recovery publishes again a queued task that the
     * scheduler never took, or re-drives a started one that stopped moving; how often it re-drives
     * before failing the task.
     */
    public record TaskTimes(int retentionHours, int requeueAfterSeconds, int redriveAfterSeconds, int maxAttempts) {
    }

    public static ApiConfiguration from(AbiquoProperties p) {
        ApiConfiguration c = new ApiConfiguration(
                p.uri("abiquo.server.api.location"),
                p.raw("abiquo.server.admin.initialPassword").filter(s -> !s.isEmpty()),
                p.integer("abiquo.server.sessionTimeout", 30, 1, 7 * 24 * 60),
                p.integer("abiquo.security.passwordHashIterations", 600_000, 10_000, 10_000_000),
                p.integer("abiquo.security.credentialCacheSeconds", 300, 0, 86_400),
                p.integer("abiquo.security.loginMaxFailures", 10, 1, 10_000),
                p.integer("abiquo.security.loginMaxFailuresPerAddress", 100, 1, 1_000_000),
                p.integer("abiquo.security.loginWindowSeconds", 60, 1, 86_400),
                trustedProxies(p),
                p.string("abiquo.redis.host", "127.0.0.1"),
                p.integer("abiquo.redis.port", 6379, 1, 65_535),
                p.string("abiquo.rabbitmq.addresses", "127.0.0.1:5672"),
                p.string("abiquo.rabbitmq.username", "guest"),
                p.raw("abiquo.rabbitmq.password").orElse("guest"),
                p.string("abiquo.rabbitmq.virtualHost", "/"),
                p.optional("abiquo.api.nodeName"),
                p.optional("abiquo.api.zk.serverConnection"),
                p.integer("abiquo.api.zk.sessionTimeoutMs", 2000, 1000, 60_000),
                p.integer("abiquo.api.zk.connectionTimeoutMs", 1000, 100, 60_000),
                new TaskTimes(p.integer("abiquo.task.retentionHours", 168, 1, 24 * 365),
                        p.integer("abiquo.task.requeueAfterSeconds", 60, 1, 86_400),
                        p.integer("abiquo.task.redriveAfterSeconds", 120, 1, 86_400),
                        p.integer("abiquo.task.maxAttempts", 3, 1, 100)));
        for (String address : c.rabbitmqAddresses.split(",")) {
            if (!address.trim().matches("[A-Za-z0-9.\\-\\[\\]:]+(:\\d{1,5})?")) {
                p.problem("abiquo.rabbitmq.addresses", "has the malformed address '" + address.trim()
                        + "' (expected host:port[,host:port...])");
            }
        }
        for (String proxy : c.trustedProxies) {
            if (ClientAddresses.literal(proxy).isEmpty()) {
                p.problem("abiquo.security.trustedProxies", "has '" + proxy + "', which is not an IP address");
            }
        }
        p.validate();
        return c;
    }

    /**
     * The proxies whose X-Forwarded-For names the client (see {@link ClientAddresses}): those that
     * abiquo.security.trustedProxies lists (empty: none), or by default this machine and the load
     * balancer's address that the domain gives every server (abiquo.lb.address, when an IP).
     */
    private static List<String> trustedProxies(AbiquoProperties p) {
        Optional<String> listed = p.raw("abiquo.security.trustedProxies");
        if (listed.isPresent()) {
            return Arrays.stream(listed.get().split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        }
        List<String> defaults = new ArrayList<>(List.of("127.0.0.1", "::1"));
        p.optional("abiquo.lb.address").filter(a -> ClientAddresses.literal(a).isPresent()).ifPresent(defaults::add);
        return List.copyOf(defaults);
    }
}
