package concur.run;

import java.time.Duration;

/**
 * Maps concur's clock onto the harness's, whose zero is the start of the example's {@code main}.
 *
 * <p>Tagged lines carry harness times. Untagged bytes only have the time they reached concur; each
 * tagged record tells how far the two clocks are apart at most (its transit time included), and the
 * smallest such distance seen is the best estimate, so it is kept.
 */
final class RunClock {
    private volatile long offset;

    /** @param processStart concur's time when the child was started: a first, generous estimate */
    RunClock(long processStart) {
        this.offset = processStart;
    }

    /** A tagged record stamped {@code harnessNanos} has just arrived. */
    synchronized void observe(long harnessNanos) {
        offset = Math.min(offset, System.nanoTime() - harnessNanos);
    }

    /** The harness time of concur's time {@code nanos}, by the best estimate so far. */
    Duration at(long nanos) {
        return Duration.ofNanos(Math.max(0, nanos - offset));
    }

    Duration now() {
        return at(System.nanoTime());
    }
}
