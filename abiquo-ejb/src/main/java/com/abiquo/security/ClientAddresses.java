package com.abiquo.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request came from, for throttling failed logins and for the logs. Behind the load
 * balancer every request reaches an API server from the balancer's address, so one client's failed
 * logins would throttle every client's; a request from a trusted proxy is therefore attributed to
 * the address that proxy put in {@code X-Forwarded-For} (the balancer replaces whatever a client
 * sent there with the address it saw, so a client cannot choose it). A request from anywhere else
 * is its peer's, whatever it says. Addresses are IP literals only: nothing here resolves a name.
 */
public final class ClientAddresses {

    private static final Pattern IPV4_PART = Pattern.compile("\\d{1,3}");

    private final Set<InetAddress> trustedProxies;

    /** @throws IllegalArgumentException when an entry is not an IP address */
    public ClientAddresses(Collection<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream()
                .map(a -> literal(a).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + a)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The client's address: the peer's, unless the peer is a trusted proxy; then the nearest address
     * in {@code forwardedFor} (read from the right, the proxy's own entry first) that is not a trusted
     * proxy. A malformed entry ends the walk at the last address known good, as anything to its left
     * was written by someone not trusted to write it.
     */
    public String resolve(String peer, String forwardedFor) {
        Optional<InetAddress> peerAddress = literal(peer);
        if (forwardedFor == null || forwardedFor.isBlank() || peerAddress.isEmpty()
                || !trustedProxies.contains(peerAddress.get())) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        InetAddress nearest = peerAddress.get();
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops[i].trim());
            if (hop.isEmpty()) {
                break;
            }
            nearest = hop.get();
            if (!trustedProxies.contains(nearest)) {
                break;
            }
        }
        return nearest.getHostAddress();
    }

    /** An IPv4 or IPv6 literal (IPv6 optionally in brackets), parsed without any name lookup. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        try {
            if (s.indexOf(':') >= 0) {
                // only hex digits, ':' and '.' (an embedded IPv4 tail): InetAddress parses a text with a
                // ':' as an IPv6 literal or refuses it, never looking it up
                return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')
                        ? Optional.of(InetAddress.getByName(s)) : Optional.empty();
            }
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = IPV4_PART.matcher(parts[i]).matches() ? Integer.parseInt(parts[i]) : 256;
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
