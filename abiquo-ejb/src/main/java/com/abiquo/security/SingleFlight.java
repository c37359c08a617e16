package com.abiquo.security;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a piece of work once for all the callers that ask for the same key at the same time: the
 * first runs it, the others wait for its result. A node that just started (or joined the
 * balancer) gets a client's many concurrent requests with the same Basic credentials and an empty
 * credential cache: without this, each would pay the slow password hash.
 */
final class SingleFlight<K, V> {

    /** The work's result did not come in time. */
    static final class Timeout extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Timeout() {
            super("waited too long for the same work of another caller");
        }
    }

    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /**
     * @throws Timeout when another caller's run of the same work did not end within {@code waitMs}
     * @throws RuntimeException what the work threw (for every caller that waited for it)
     */
    V run(K key, Supplier<V> work, long waitMs) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            try {
                return theirs.get(waitMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new Timeout();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Timeout();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        try {
            V v = work.get();
            mine.complete(v);
            return v;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }

    /** Keys being worked on now. */
    int inFlight() {
        return running.size();
    }
}
