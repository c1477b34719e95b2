package concur.check;

/** Caps the work of one match, so that a pathological expectation cannot hang the runner. */
final class Budget {
    /** Thrown when the budget runs out; the search turns it into a failure. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super(null, null, false, false);
        }
    }

    private int left;

    Budget(int steps) {
        this.left = steps;
    }

    void spend() {
        if (--left < 0) {
            throw new Exhausted();
        }
    }
}
