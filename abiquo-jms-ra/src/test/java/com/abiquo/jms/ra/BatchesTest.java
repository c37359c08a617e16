package com.abiquo.jms.ra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class BatchesTest {

    private static final Predicate<String> REDELIVERED = s -> s.startsWith("re-");

    private static BlockingDeque<String> waiting(String... messages) {
        return new LinkedBlockingDeque<>(List.of(messages));
    }

    @Test
    void takesWhatIsWaitingInOrderUpToTheMaximum() throws Exception {
        BlockingDeque<String> waiting = waiting("b", "c", "d", "e");
        assertThat(Batches.take("a", waiting, 3, 0, REDELIVERED)).containsExactly("a", "b", "c");
        assertThat(waiting).containsExactly("d", "e");
    }

    @Test
    void doesNotWaitWithoutAWindow() throws Exception {
        long started = System.nanoTime();
        assertThat(Batches.take("a", waiting(), 32, 0, REDELIVERED)).containsExactly("a");
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Test
    void aRedeliveredMessageGoesAloneAndKeepsItsPlace() throws Exception {
        BlockingDeque<String> waiting = waiting("b", "re-c", "d");
        assertThat(Batches.take("a", waiting, 32, 0, REDELIVERED)).containsExactly("a", "b");
        assertThat(waiting).containsExactly("re-c", "d");
        assertThat(Batches.take(waiting.pollFirst(), waiting, 32, 0, REDELIVERED)).containsExactly("re-c");
        assertThat(Batches.take(waiting.pollFirst(), waiting, 32, 0, REDELIVERED)).containsExactly("d");
    }

    @Test
    void waitsUpToTheWindowForMore() throws Exception {
        BlockingDeque<String> waiting = waiting();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try {
            later.schedule(() -> waiting.addLast("b"), 20, TimeUnit.MILLISECONDS);
            long started = System.nanoTime();
            assertThat(Batches.take("a", waiting, 2, 2_000, REDELIVERED)).containsExactly("a", "b");
            assertThat(System.nanoTime() - started).as("returns once full").isLessThan(TimeUnit.MILLISECONDS.toNanos(1_500));
            started = System.nanoTime();
            assertThat(Batches.take("c", waiting, 2, 100, REDELIVERED)).containsExactly("c");
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));
        } finally {
            later.shutdownNow();
        }
    }
}
