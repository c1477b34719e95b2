import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step 6: the same pure computation on one thread, then split across several.
 * Java has no global interpreter lock, so threads doing CPU work run on separate cores at once.
 */
public class CpuBound {

    // About 50 ms of work on one core.
    static final long N = 50_000_000L;

    // Other programs on the machine can only make a timed run slower, never faster. So we time
    // each way many times, taking turns, and keep the fastest: short tries are likely to find
    // moments when the machine is quiet.
    static final int TRIALS = 20;

    /** Something to time: returns its result so the JIT cannot throw the work away. */
    interface Work {
        long run() throws InterruptedException;
    }

    record Timed(long result, double millis) {
        Timed faster(Timed other) {
            return other.millis < millis ? other : this;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), 4);

        // Warm-up: call sum() often enough that the JIT compiles it fully before we time anything;
        // otherwise the first timed run would also pay for compiling.
        for (int i = 0; i < 10_000; i++) {
            sum(i, i + 10_000);
        }

        Timed one = new Timed(0, Double.POSITIVE_INFINITY);
        Timed many = one;
        for (int trial = 0; trial < TRIALS; trial++) {
            one = one.faster(time(() -> sum(0, N)));
            many = many.faster(time(() -> sumInParallel(threads)));
        }

        System.out.println(
                format("work: mix and add up %d numbers (fastest of %d tries)", N, TRIALS));
        System.out.println(format("1 thread:  %.1f ms", one.millis()));
        System.out.println(format("%d threads: %.1f ms", threads, many.millis()));
        System.out.println(format("speedup %.2f", one.millis() / many.millis()));
        System.out.println(format("same result both ways: %b (%d)",
                one.result() == many.result(), one.result()));
    }

    static Timed time(Work work) throws InterruptedException {
        long start = System.nanoTime();
        long result = work.run();
        return new Timed(result, (System.nanoTime() - start) / 1e6);
    }

    /** Splits [0, N) into one slice per thread; each sums its slice, main adds the slices up. */
    static long sumInParallel(int threads) throws InterruptedException {
        long[] partial = new long[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slice = t;
            long from = N * slice / threads;
            long to = N * (slice + 1) / threads;
            // Each thread writes only its own array element; join() below makes that write
            // visible to main.
            workers.add(Thread.ofPlatform().name("worker-" + slice)
                    .start(() -> partial[slice] = sum(from, to)));
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers.get(t).join();
            total += partial[t];
        }
        return total;
    }

    /** Pure CPU work: no I/O, no locks, no shared memory. */
    static long sum(long from, long to) {
        long total = 0;
        for (long i = from; i < to; i++) {
            total += mix(i);
        }
        return total;
    }

    /** Scrambles the bits of x (SplitMix64's finalizer), so the sum has no shortcut. */
    static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
