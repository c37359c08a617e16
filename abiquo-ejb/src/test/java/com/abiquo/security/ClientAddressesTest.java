package com.abiquo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    /** The balancer on this machine and on 10.0.0.5. */
    final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.1", "::1", "10.0.0.5"));

    @Test
    void aRequestFromTheBalancerIsTheClientItNames() {
        assertThat(addresses.resolve("10.0.0.5", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(addresses.resolve("127.0.0.1", " 198.51.100.1 ")).isEqualTo("198.51.100.1");
    }

    @Test
    void aRequestFromAnyoneElseIsItsPeersWhateverItSays() {
        assertThat(addresses.resolve("192.0.2.44", "203.0.113.7")).isEqualTo("192.0.2.44");
        assertThat(addresses.resolve("192.0.2.44", null)).isEqualTo("192.0.2.44");
    }

    @Test
    void withoutTheHeaderTheBalancersRequestIsTheBalancers() {
        assertThat(addresses.resolve("10.0.0.5", null)).isEqualTo("10.0.0.5");
        assertThat(addresses.resolve("10.0.0.5", "  ")).isEqualTo("10.0.0.5");
    }

    @Test
    void theNearestUntrustedHopIsTheClientNotWhatTheClientWroteBeforeIt() {
        // a client forged "1.2.3.4" and a trusted proxy appended what it saw
        assertThat(addresses.resolve("10.0.0.5", "1.2.3.4, 203.0.113.7")).isEqualTo("203.0.113.7");
        // a chain of trusted proxies is skipped
        assertThat(addresses.resolve("10.0.0.5", "1.2.3.4, 203.0.113.7, 127.0.0.1")).isEqualTo("203.0.113.7");
        // every hop trusted: the farthest of them
        assertThat(addresses.resolve("10.0.0.5", "127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void aMalformedHopEndsTheWalkAtTheLastAddressKnownGood() {
        assertThat(addresses.resolve("10.0.0.5", "unknown")).isEqualTo("10.0.0.5");
        assertThat(addresses.resolve("10.0.0.5", "203.0.113.7:5555")).isEqualTo("10.0.0.5");
        assertThat(addresses.resolve("10.0.0.5", "203.0.113.7, evil.example.com, 127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(addresses.resolve("10.0.0.5", "999.1.1.1")).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6IsComparedAsAnAddressNotAsText() {
        // Undertow gives the IPv6 loopback peer in its long form
        assertThat(addresses.resolve("0:0:0:0:0:0:0:1", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(addresses.resolve("::1", "[2001:db8::8]")).isEqualTo("2001:db8:0:0:0:0:0:8");
    }

    @Test
    void onlyLiteralsAreAddressesNothingIsLookedUp() {
        assertThat(ClientAddresses.literal("192.168.1.1")).isPresent();
        assertThat(ClientAddresses.literal("::ffff:10.0.0.1")).isPresent();
        assertThat(ClientAddresses.literal("localhost")).isEmpty();
        assertThat(ClientAddresses.literal("dead.beef")).isEmpty();
        assertThat(ClientAddresses.literal("1.2.3")).isEmpty();
        assertThat(ClientAddresses.literal("01234.1.1.1")).isEmpty();
        assertThat(ClientAddresses.literal("fe80::1%eth0")).isEmpty();
        assertThat(ClientAddresses.literal("abc:xyz")).isEmpty();
        assertThatThrownBy(() -> new ClientAddresses(List.of("balancer.example.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("balancer.example.com");
    }
}
