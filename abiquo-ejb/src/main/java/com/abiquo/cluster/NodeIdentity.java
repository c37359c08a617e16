package com.abiquo.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The name a node goes by in the leader election, the logs and the cluster view: the configured
 * {@code abiquo.api.nodeName}, else {@code <host>:<server>} as mod_cluster names servers when
 * several share a host (domain mode, or a standalone server given its own {@code jboss.node.name}),
 * else the hostname. Never {@code localhost/127.0.0.1}.
 */
public final class NodeIdentity {

    private NodeIdentity() {
    }

    public static String resolve(Optional<String> configured) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String host = hostname();
        String node = System.getProperty("jboss.node.name");
        if (System.getProperty("jboss.domain.base.dir") != null) {
            // a domain server: WildFly names it <host controller>:<server> (e.g. primary:api-1), the
            // name mod_cluster registers with the balancer and the JSON log carries
            if (node != null && node.contains(":")) {
                return node;
            }
            String server = System.getProperty("jboss.server.name");
            if (server != null) {
                return host + ":" + server;
            }
        }
        if (node != null && !node.isBlank() && !node.equals(host) && !host.startsWith(node + ".")) {
            return host + ":" + node;
        }
        return host;
    }

    static String hostname() {
        String env = System.getenv("HOSTNAME");
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (!name.isBlank() && !name.equals("localhost")) {
                return name;
            }
        } catch (UnknownHostException e) {
            // fall through to the environment
        }
        return env != null && !env.isBlank() ? env : "unknown-host";
    }
}
