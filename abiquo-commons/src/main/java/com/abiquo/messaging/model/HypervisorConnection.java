package com.abiquo.messaging.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to reach a physical machine's hypervisor: JSON
 * {@code {"ip", "port", "hypervisorType", "user", "password"}}.
 *
 * <p>The password travels decrypted, as Abiquo's own virtual factory jobs carry it: the remote
 * services have no access to kinton nor to the installation secret that encrypts hypervisor
 * credentials there, and must not get them (a compromised datacenter would then hold every
 * datacenter's keys). So the leader decrypts the one machine's password into the job; the broker
 * is inside the management network, messages are never logged, and {@link #toString()} masks it.
 */
public record HypervisorConnection(String ip, int port, String hypervisorType, String user, String password) {

    public HypervisorConnection {
        require(ip, "ip");
        require(hypervisorType, "hypervisorType");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
    }

    static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip", ip);
        m.put("port", (long) port);
        m.put("hypervisorType", hypervisorType);
        m.put("user", user);
        m.put("password", password);
        return m;
    }

    static HypervisorConnection from(Fields f) {
        return new HypervisorConnection(f.string("ip"), (int) f.number("port", 0, 65535), f.string("hypervisorType"),
                f.optionalString("user"), f.optionalString("password"));
    }

    @Override
    public String toString() {
        return "HypervisorConnection[" + hypervisorType + " " + user + "@" + ip + ":" + port + ", password ****]";
    }
}
