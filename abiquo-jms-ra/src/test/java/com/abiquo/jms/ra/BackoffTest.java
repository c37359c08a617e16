package com.abiquo.jms.ra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndResets() {
        Backoff b = new Backoff(1000, 30_000);
        assertThat(new long[] {b.next(), b.next(), b.next(), b.next(), b.next(), b.next(), b.next()})
                .containsExactly(1000, 2000, 4000, 8000, 16_000, 30_000, 30_000);
        b.reset();
        assertThat(b.next()).isEqualTo(1000);
    }

    @Test
    void delayByAttemptNeverOverflows() {
        assertThat(Backoff.delay(0, 200, 5000)).isEqualTo(200);
        assertThat(Backoff.delay(1, 200, 5000)).isEqualTo(200);
        assertThat(Backoff.delay(3, 200, 5000)).isEqualTo(800);
        assertThat(Backoff.delay(60, 200, 5000)).isEqualTo(5000);
        assertThat(Backoff.delay(Integer.MAX_VALUE, 3, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
