package com.abiquo.jms.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.Address;

class BrokerAddressesTest {

    @Test
    void blankUsesHostAndPort() {
        assertThat(BrokerAddresses.parse(" ", "rabbit", 5673)).containsExactly(new Address("rabbit", 5673));
        assertThat(BrokerAddresses.parse(null, "rabbit", 5673)).containsExactly(new Address("rabbit", 5673));
    }

    @Test
    void listWithAndWithoutPorts() {
        assertThat(BrokerAddresses.parse("10.0.0.1:5672, rabbit-2 ,[::1]:5673,[fe80::1]", "x", 1)).containsExactly(
                new Address("10.0.0.1", 5672), new Address("rabbit-2", 5672), new Address("[::1]", 5673),
                new Address("[fe80::1]", 5672));
    }

    @Test
    void malformedEntriesAreNamed() {
        assertThatThrownBy(() -> BrokerAddresses.parse("a:5672,b:notaport", "x", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'b:notaport'")
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> BrokerAddresses.parse("a:70000", "x", 1)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> BrokerAddresses.parse("::1:5672", "x", 1)).hasMessageContaining("brackets");
        assertThatThrownBy(() -> BrokerAddresses.parse("[::1", "x", 1)).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> BrokerAddresses.parse(":5672", "x", 1)).hasMessageContaining("bad host");
        assertThatThrownBy(() -> BrokerAddresses.parse(" , ", "x", 1)).hasMessageContaining("no broker address");
    }
}
