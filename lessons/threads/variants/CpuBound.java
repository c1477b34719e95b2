import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Step 6 with the workers taking turns: each is joined right after it starts, as if a global
 * lock let only one of them compute at a time.
 */
public class CpuBound {

    static final long N = 50_000_000L;

    // Other programs on the machine can only make a timed run slower, never faster. So we time
    // each way many times, taking turns, and keep the fastest: short tries are likely to find
    // moments when the machine is quiet.
    static final int TRIALS = 20;

    // While they compute, the threads watch each other (see sumAndWatch): each one counts the
    // chunks it has done, and after every WINDOW chunks looks at the others' counts.
    // Short stretches of time: on a busy machine, a long one is seldom free of interruptions.
    static final long CHUNK = 20_000;
    static final int WINDOW = 2;
    // A whole chunk takes longer than this (10 microseconds or more), so a thread that was off its
    // core for less than this cannot have let another thread do a whole chunk there.
    static final long OFF_CORE_NANOS = 5_000;

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
        int cores = Runtime.getRuntime().availableProcessors();
        int threads = Math.max(2, Math.min(cores, 4)); // two even on one core: they take turns
        LongAdder overlapping = new LongAdder(); // tries in which all threads were at work at once
        LongAdder together = new LongAdder();    // times a thread saw another compute beside it

        // Warm-up: call the code often enough that the JIT compiles it fully before we time
        // anything; otherwise the first timed run would also pay for compiling.
        for (int i = 0; i < 10_000; i++) {
            sum(i, i + 10_000);
        }
        for (int i = 0; i < 100; i++) {
            sumAndWatch(0, 0, 1_000_000, new AtomicLongArray(1), new LongAdder());
        }

        Timed one = new Timed(0, Double.POSITIVE_INFINITY);
        Timed many = one;
        for (int trial = 0; trial < TRIALS; trial++) {
            one = one.faster(time(() -> sum(0, N)));
            many = many.faster(time(() -> sumInParallel(threads, overlapping, together)));
        }

        System.out.println(
                format("work: mix and add up %d numbers (fastest of %d tries)", N, TRIALS));
        System.out.println(format("1 thread:  %.1f ms", one.millis()));
        System.out.println(format("%d threads: %.1f ms", threads, many.millis()));
        System.out.println(format("speedup %.2f", one.millis() / many.millis()));
        System.out.println(format("all %d threads at work at the same time: in %d of %d tries",
                threads, overlapping.sum(), TRIALS));
        if (cores == 1) {
            System.out.println("computing at the same moment: impossible, only 1 core");
        } else if (together.sum() > 0) {
            System.out.println(
                    format("computing at the same moment: yes, seen %d times", together.sum()));
        } else {
            System.out.println("computing at the same moment: not seen this time");
        }
        System.out.println(format("same result both ways: %b (%d)",
                one.result() == many.result(), one.result()));
    }

    static Timed time(Work work) throws InterruptedException {
        long start = System.nanoTime();
        long result = work.run();
        return new Timed(result, (System.nanoTime() - start) / 1e6);
    }

    /** Splits [0, N) into one slice per thread; each sums its slice, main adds the slices up. */
    static long sumInParallel(int threads, LongAdder overlapping, LongAdder together)
            throws InterruptedException {
        long[] partial = new long[threads];
        long[] began = new long[threads];
        long[] ended = new long[threads];
        AtomicLongArray progress = new AtomicLongArray(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slice = t;
            long from = N * slice / threads;
            long to = N * (slice + 1) / threads;
            // Each thread writes only its own array elements; join() below makes those writes
            // visible to main.
            workers.add(Thread.ofPlatform().name("worker-" + slice).start(() -> {
                began[slice] = System.nanoTime();
                partial[slice] = sumAndWatch(slice, from, to, progress, together);
                ended[slice] = System.nanoTime();
            }));
            // Taking turns: wait for each worker before starting the next one.
            workers.get(slice).join();
        }
        long total = 0;
        for (int t = 0; t < threads; t++) {
            workers.get(t).join();
            total += partial[t];
        }
        // All at work at once: the last one began before the first one ended.
        if (Arrays.stream(began).max().getAsLong() < Arrays.stream(ended).min().getAsLong()) {
            overlapping.increment();
        }
        return total;
    }

    /**
     * Sums [from, to) chunk by chunk, and counts each chunk in progress[me]. Every WINDOW chunks
     * the thread asks two questions about the stretch of time since the last window:
     * did my CPU time grow as much as the clock did (so I was on a core all along), and did
     * another thread finish a whole chunk meanwhile? If both, that thread computed while this one
     * held a core: they ran at the same moment, on two cores. Taking turns on one core, the other
     * thread could only compute while this one was off it.
     */
    static long sumAndWatch(int me, long from, long to, AtomicLongArray progress,
                            LongAdder together) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        long chunks = 0;
        long wallStart = System.nanoTime();
        long cpuStart = mx.getCurrentThreadCpuTime();
        long[] seen = counts(progress);
        for (long start = from; start < to; start += CHUNK) {
            total += sum(start, Math.min(start + CHUNK, to));
            progress.incrementAndGet(me);
            if (++chunks % WINDOW == 0) {
                long[] now = counts(progress);
                long cpu = mx.getCurrentThreadCpuTime() - cpuStart;
                long wall = System.nanoTime() - wallStart;
                boolean onCoreAllAlong = wall - cpu < OFF_CORE_NANOS;
                for (int other = 0; other < now.length; other++) {
                    // Moved by 2 or more: the other thread did a whole chunk in this window.
                    if (other != me && onCoreAllAlong && now[other] - seen[other] >= 2) {
                        together.increment();
                    }
                }
                wallStart = System.nanoTime();
                cpuStart = mx.getCurrentThreadCpuTime();
                seen = counts(progress);
            }
        }
        return total;
    }

    static long[] counts(AtomicLongArray progress) {
        long[] counts = new long[progress.length()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = progress.get(i);
        }
        return counts;
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
