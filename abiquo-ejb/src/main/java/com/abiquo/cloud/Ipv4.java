package com.abiquo.cloud;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/** Dotted IPv4 addresses as numbers, for network arithmetic. */
public final class Ipv4 {

    private Ipv4() {
    }

    public static long parse(String ip, String what) {
        String[] parts = ip == null ? new String[0] : ip.trim().split("\\.", -1);
        if (parts.length != 4) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "the " + what + " '" + ip + "' is not an IPv4 address");
        }
        long value = 0;
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                throw ApiException.of(ApiError.NETWORK_INVALID, "the " + what + " '" + ip + "' is not an IPv4 address");
            }
            value = value << 8 | Integer.parseInt(p);
        }
        return value;
    }

    public static String format(long ip) {
        return (ip >> 24 & 0xff) + "." + (ip >> 16 & 0xff) + "." + (ip >> 8 & 0xff) + "." + (ip & 0xff);
    }

    public static long netmask(int bits) {
        return (0xffffffffL << (32 - bits)) & 0xffffffffL;
    }

    public static long broadcast(long network, int bits) {
        return network | (~netmask(bits) & 0xffffffffL);
    }
}
