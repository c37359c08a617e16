package com.abiquo.cloud;

import java.util.Map;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/**
 * A private network as asked for: an IPv4 CIDR (address aligned on the mask, mask 22-30 so that
 * a VDC network stays a manageable size) with the gateway inside it. Missing values come from the
 * {@code client.network.default*} system properties.
 */
public record NetworkSpec(String name, String address, int mask, String gateway, String primaryDns,
        String secondaryDns, String sufixDns) {

    public static final int MIN_MASK = 22;
    public static final int MAX_MASK = 30;

    /** Fills what is null from the defaults ({@code client.network.defaultName}, ...). */
    public static NetworkSpec of(String name, String address, Integer mask, String gateway, String primaryDns,
            String secondaryDns, String sufixDns, Map<String, String> defaults) {
        String m = mask != null ? mask.toString() : defaults.getOrDefault("client.network.defaultNetmask", "24");
        int maskValue;
        try {
            maskValue = Integer.parseInt(m.trim());
        } catch (NumberFormatException e) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "the mask must be a number of bits");
        }
        NetworkSpec spec = new NetworkSpec(or(name, defaults.get("client.network.defaultName"), "default_private_network"),
                or(address, defaults.get("client.network.defaultAddress"), "192.168.0.0"), maskValue,
                or(gateway, defaults.get("client.network.defaultGateway"), "192.168.0.1"),
                or(primaryDns, defaults.get("client.network.defaultPrimaryDNS"), ""),
                or(secondaryDns, defaults.get("client.network.defaultSecondaryDNS"), ""),
                or(sufixDns, defaults.get("client.network.defaultSufixDNS"), ""));
        spec.validate();
        return spec;
    }

    private static String or(String value, String def, String fallback) {
        if (value != null) {
            return value.trim();
        }
        return def != null ? def.trim() : fallback;
    }

    void validate() {
        if (name.isBlank() || name.length() > 128) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "the name must have 1 to 128 characters");
        }
        if (mask < MIN_MASK || mask > MAX_MASK) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "the mask must be between " + MIN_MASK + " and " + MAX_MASK);
        }
        long net = Ipv4.parse(address, "address");
        if ((net & ~Ipv4.netmask(mask) & 0xffffffffL) != 0) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "the address " + address + " is not the start of a /" + mask);
        }
        long gw = Ipv4.parse(gateway, "gateway");
        if (gw <= net || gw >= Ipv4.broadcast(net, mask)) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "the gateway " + gateway + " is not a host of " + address + "/" + mask);
        }
        for (String dns : new String[] {primaryDns, secondaryDns}) {
            if (!dns.isEmpty()) {
                Ipv4.parse(dns, "DNS");
            }
        }
        if (sufixDns.length() > 255) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "the DNS suffix is too long");
        }
    }
}
