package com.abiquo.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SingleFlightTest {

    final SingleFlight<String, Boolean> flight = new SingleFlight<>();

    @Test
    void callersOfTheSameKeyShareOneRunAndOtherKeysRunApart() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            List<Future<Boolean>> same = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                same.add(pool.submit(() -> flight.run("k", () -> {
                    runs.incrementAndGet();
                    await(release);
                    return true;
                }, 10_000)));
            }
            // while "k" runs, another key runs on its own
            assertThat(pool.submit(() -> flight.run("other", () -> false, 10_000)).get(5, TimeUnit.SECONDS)).isFalse();
            while (runs.get() == 0) {
                Thread.sleep(5);
            }
            Thread.sleep(100); // the other callers of "k" arrive meanwhile
            release.countDown();
            for (Future<Boolean> f : same) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(runs.get()).isLessThan(8); // shared (callers arriving after the run ended start a new one)
            assertThat(flight.inFlight()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureReachesEveryWaiterAndAWaiterGivesUpInTime() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> flight.run("k", () -> {
                started.countDown();
                await(release);
                throw new IllegalStateException("hash failed");
            }, 10_000));
            started.await();
            assertThatThrownBy(() -> flight.run("k", () -> true, 50)).isInstanceOf(SingleFlight.Timeout.class);
            Future<Boolean> waiter = pool.submit(() -> flight.run("k", () -> true, 10_000));
            Thread.sleep(100);
            release.countDown();
            assertThatThrownBy(first::get).hasRootCauseMessage("hash failed");
            // the waiter either shared the failure or, arriving after it, ran on its own
            try {
                assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e).hasRootCauseMessage("hash failed");
            }
            assertThat(flight.inFlight()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
