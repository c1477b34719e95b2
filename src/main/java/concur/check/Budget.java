package concur.check;

import java.time.Duration;

/** Caps the work of one match, in steps and in time, so that a pathological expectation cannot hang the runner. */
final class Budget {
    /** Thrown when the budget runs out; the search turns it into a failure. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }

    /** How often, in steps, the clock is read: reading it every step would cost more than most steps. */
    private static final int CLOCK_EVERY = 1 << 10;

    private int left;
    private final long deadline;

    /** At most {@code steps} steps, and at most {@code time} from now, whichever runs out first. */
    Budget(int steps, Duration time) {
        this.left = steps;
        this.deadline = System.nanoTime() + time.toNanos();
    }

    void spend() {
        if (--left < 0 || (left % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0)) {
            throw new Exhausted();
        }
    }
}
