package com.abiquo.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Notices that this JVM stood still: a long GC pause, SIGSTOP, a suspended VM. A leader that stood
 * still for long enough was deposed on the ZooKeeper servers without knowing it, and when it goes
 * on, any of its threads may answer "leader" before its ZooKeeper client finds out. A thread ticks
 * every {@value #TICK_MS} ms: a tick later than the limit reports the pause before anything else,
 * and until that tick {@link #current()} is false, so that nothing is claimed in between.
 *
 * <p>The limit is half the session: the client is silent for up to a third of the session when
 * idle (it pings after that), so the servers may expire its session once it stood still for two
 * thirds of it, and the half leaves room for the tick's own lateness.
 */
final class PauseWatch implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PauseWatch.class.getName());

    static final long TICK_MS = 100;

    private final LongSupplier nanoClock;
    private final long limitNanos;
    private final LongConsumer onLongPause;
    private final ScheduledExecutorService ticker;
    private volatile long lastTick;

    /** Watches with its own daemon thread; {@code onLongPause} gets the milliseconds stood still. */
    static PauseWatch forSession(long sessionTimeoutMs, LongConsumer onLongPause) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "abiquo-pause-watch");
            t.setDaemon(true);
            return t;
        });
        PauseWatch watch = new PauseWatch(System::nanoTime, sessionTimeoutMs / 2, onLongPause, ticker);
        ticker.scheduleAtFixedRate(watch::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Ticked by the caller (tests). */
    PauseWatch(LongSupplier nanoClock, long limitMs, LongConsumer onLongPause) {
        this(nanoClock, limitMs, onLongPause, null);
    }

    private PauseWatch(LongSupplier nanoClock, long limitMs, LongConsumer onLongPause, ScheduledExecutorService ticker) {
        this.nanoClock = nanoClock;
        this.limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMs);
        this.onLongPause = onLongPause;
        this.ticker = ticker;
        this.lastTick = nanoClock.getAsLong();
    }

    void tick() {
        long now = nanoClock.getAsLong();
        long stoodStill = now - lastTick;
        try {
            if (stoodStill > limitNanos) {
                onLongPause.accept(TimeUnit.NANOSECONDS.toMillis(stoodStill)); // before this tick makes it current again
            }
        } catch (RuntimeException e) { // a scheduled task that throws is never run again
            LOG.warning(() -> "Handling a pause failed: " + e);
        } finally {
            lastTick = now;
        }
    }

    /** False between a pause longer than the limit and the tick that reports it. */
    boolean current() {
        return nanoClock.getAsLong() - lastTick <= limitNanos;
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }
}
