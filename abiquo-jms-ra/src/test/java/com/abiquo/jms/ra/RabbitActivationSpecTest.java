package com.abiquo.jms.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import jakarta.resource.spi.InvalidPropertyException;

class RabbitActivationSpecTest {

    @Test
    void defaults() throws Exception {
        RabbitActivationSpec s = new RabbitActivationSpec();
        s.setQueue(" q ");
        s.validate();
        assertThat(s.getQueue()).isEqualTo("q");
        assertThat(s.getMaxSessions()).isEqualTo(1);
        assertThat(s.getPrefetch()).isEqualTo(1);
        assertThat(s.getOnMessageTimeoutMs()).isEqualTo(300_000);
        assertThat(s.getReconnectInitialMs()).isEqualTo(1000);
        assertThat(s.getReconnectMaxMs()).isEqualTo(30_000);
        assertThat(s.getMaxBatch()).as("one transaction per message unless asked").isEqualTo(1);
        assertThat(s.getBatchWindowMs()).isZero();
    }

    @Test
    void aBatchCannotBeLargerThanThePrefetch() throws Exception {
        RabbitActivationSpec s = new RabbitActivationSpec();
        s.setQueue("q");
        s.setPrefetch(32);
        s.setMaxBatch(32);
        s.validate();
        s.setMaxBatch(33);
        assertThatThrownBy(s::validate).isInstanceOf(InvalidPropertyException.class).hasMessageContaining("maxBatch");
    }

    @Test
    void namesEveryBadProperty() {
        RabbitActivationSpec s = new RabbitActivationSpec();
        s.setMaxSessions(0);
        s.setReconnectMaxMs(10);
        assertThatThrownBy(s::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining("queue").hasMessageContaining("maxSessions").hasMessageContaining("reconnectMaxMs");
    }
}
