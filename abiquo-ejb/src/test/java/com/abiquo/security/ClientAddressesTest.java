package com.abiquo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressesTest {

    /** The balancer on this machine and on 10.0.0.5. */
    final ClientAddresses addresses = new ClientAddresses(List.of("127.0.0.1", "::1", "10.0.0.5"));

    @ParameterizedTest(name = "from {0}, X-Forwarded-For [{1}]: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", ignoreLeadingAndTrailingWhitespace = false, textBlock = """
            # a request from the balancer is the client it names
            10.0.0.5|203.0.113.7|203.0.113.7
            127.0.0.1| 198.51.100.1 |198.51.100.1
            # a request from anyone else is its peer's, whatever it says
            192.0.2.44|203.0.113.7|192.0.2.44
            192.0.2.44|null|192.0.2.44
            # without the header, the balancer's request is the balancer's
            10.0.0.5|null|10.0.0.5
            10.0.0.5|  |10.0.0.5
            # the nearest untrusted hop, not what a client forged before a trusted proxy appended it
            10.0.0.5|1.2.3.4, 203.0.113.7|203.0.113.7
            10.0.0.5|1.2.3.4, 203.0.113.7, 127.0.0.1|203.0.113.7
            # every hop trusted: the farthest of them
            10.0.0.5|127.0.0.1|127.0.0.1
            # a malformed hop ends the walk at the last address known good
            10.0.0.5|unknown|10.0.0.5
            10.0.0.5|203.0.113.7:5555|10.0.0.5
            10.0.0.5|203.0.113.7, evil.example.com, 127.0.0.1|127.0.0.1
            10.0.0.5|999.1.1.1|10.0.0.5
            # IPv6 compared as an address, not as text (Undertow gives the loopback peer in its long form)
            0:0:0:0:0:0:0:1|2001:db8::7|2001:db8:0:0:0:0:0:7
            ::1|[2001:db8::8]|2001:db8:0:0:0:0:0:8
            """)
    void theClientIsThePeerOrWhatATrustedProxyNames(String peer, String forwardedFor, String client) {
        assertThat(addresses.resolve(peer, forwardedFor)).isEqualTo(client);
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
