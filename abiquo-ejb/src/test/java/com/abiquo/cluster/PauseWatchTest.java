package com.abiquo.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PauseWatchTest {

    private long nanos = 1_000_000_000L;
    private final List<Long> longPauses = new ArrayList<>();
    private final PauseWatch watch = new PauseWatch(() -> nanos, 1_000, longPauses::add);

    private void advance(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void tickingOnTimeIsCurrentAndReportsNothing() {
        for (int i = 0; i < 50; i++) {
            advance(PauseWatch.TICK_MS);
            watch.tick();
            assertThat(watch.current()).isTrue();
        }
        assertThat(longPauses).isEmpty();
    }

    @Test
    void aPauseLongerThanTheLimitIsReportedAtTheFirstTickAfterItAndNotCurrentUntilThen() {
        watch.tick();
        advance(5_300); // SIGSTOP for 5.3 s: no tick ran
        assertThat(watch.current()).as("a thread answering before the tick after the pause").isFalse();
        assertThat(longPauses).isEmpty();
        watch.tick();
        assertThat(longPauses).containsExactly(5_300L);
        assertThat(watch.current()).isTrue();
        advance(PauseWatch.TICK_MS);
        watch.tick();
        assertThat(longPauses).as("reported once").hasSize(1);
    }

    @Test
    void aPauseWithinTheLimitIsCurrentAndReportsNothing() {
        watch.tick();
        advance(900);
        assertThat(watch.current()).isTrue();
        watch.tick();
        assertThat(longPauses).isEmpty();
    }

    @Test
    void aFailingReportDoesNotStopTheWatch() {
        PauseWatch failing = new PauseWatch(() -> nanos, 1_000, ms -> {
            throw new IllegalStateException("boom");
        });
        advance(3_000);
        failing.tick();
        assertThat(failing.current()).isTrue();
    }
}
