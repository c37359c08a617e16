package com.abiquo.jms.ra;

import java.util.ArrayList;
import java.util.List;

import com.rabbitmq.client.Address;

/** Parses abiquo.rabbitmq.addresses: {@code host[:port][,host[:port]...]}, IPv6 hosts in brackets. */
public final class BrokerAddresses {

    public static final int DEFAULT_PORT = 5672;

    private BrokerAddresses() {
    }

    /**
     * The addresses of {@code addresses}, or {@code fallbackHost:fallbackPort} when it is blank.
     *
     * @throws IllegalArgumentException naming the malformed entry
     */
    public static List<Address> parse(String addresses, String fallbackHost, int fallbackPort) {
        List<Address> result = new ArrayList<>();
        if (addresses == null || addresses.isBlank()) {
            result.add(new Address(fallbackHost, fallbackPort));
            return result;
        }
        for (String raw : addresses.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            result.add(parseOne(entry));
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no broker address in '" + addresses + "'");
        }
        return result;
    }

    private static Address parseOne(String entry) {
        String host;
        String port = null;
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            if (end < 0) {
                throw malformed(entry, "unclosed '['");
            }
            host = entry.substring(0, end + 1);
            String rest = entry.substring(end + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw malformed(entry, "expected ':port' after ']'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = entry.indexOf(':');
            if (colon >= 0 && entry.indexOf(':', colon + 1) >= 0) {
                throw malformed(entry, "an IPv6 host goes in brackets");
            }
            host = colon >= 0 ? entry.substring(0, colon) : entry;
            port = colon >= 0 ? entry.substring(colon + 1) : null;
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.\\-_]+|\\[[0-9A-Fa-f:.]+\\]")) {
            throw malformed(entry, "bad host");
        }
        return new Address(host, port == null ? DEFAULT_PORT : port(entry, port));
    }

    private static int port(String entry, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65_535) {
                throw malformed(entry, "port out of range 1-65535");
            }
            return p;
        } catch (NumberFormatException e) {
            throw malformed(entry, "port is not a number");
        }
    }

    private static IllegalArgumentException malformed(String entry, String why) {
        return new IllegalArgumentException("malformed broker address '" + entry + "' (" + why
                + "; expected host:port[,host:port...])");
    }
}
