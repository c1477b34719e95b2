package concur.cli;

/** What concur's exit status means; scripts and CI rely on these. */
final class ExitCode {
    /** Every step that ran matched its expectation. */
    static final int OK = 0;
    /** A step ran and did not match: a result, not an error. */
    static final int MISMATCH = 1;
    /** Concur could not do what was asked: bad usage, an unknown or malformed lesson, an example that does not compile. */
    static final int USAGE = 2;
    /** A bug in concur itself (sysexits' EX_SOFTWARE): never a learner's or a lesson's fault. */
    static final int INTERNAL = 70;
    /** The learner pressed Ctrl-C (128 + SIGINT, as shells report it). */
    static final int INTERRUPTED = 130;

    private ExitCode() {}
}
