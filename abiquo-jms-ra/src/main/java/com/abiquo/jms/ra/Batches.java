package com.abiquo.jms.ra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * How a session makes a batch of what it has received: the oldest message, then the ones queued
 * behind it, in order, up to {@code max}, waiting at most {@code windowMs} for more. A message
 * that must go {@code alone} (a redelivery: its last batch failed, maybe because of it) is
 * delivered in a batch of its own, so that a poison message cannot keep failing its neighbours.
 */
final class Batches {

    private Batches() {
    }

    static <T> List<T> take(T head, BlockingDeque<T> waiting, int max, long windowMs, Predicate<T> alone)
            throws InterruptedException {
        List<T> batch = new ArrayList<>(Math.min(max, 64));
        batch.add(head);
        if (alone.test(head)) {
            return batch;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(windowMs);
        while (batch.size() < max) {
            long left = deadline - System.nanoTime();
            T next = left > 0 ? waiting.pollFirst(left, TimeUnit.NANOSECONDS) : waiting.pollFirst();
            if (next == null) {
                break;
            }
            if (alone.test(next)) {
                waiting.addFirst(next); // the head of the next batch, keeping the order
                break;
            }
            batch.add(next);
        }
        return batch;
    }
}
