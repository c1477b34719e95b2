import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Step 8: the same number of tasks, once computing and once waiting, on pools of different
 * sizes.
 * Computing tasks need cores; waiting tasks only need threads.
 */
public class SizingPools {

    static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int TASKS = 4 * CORES;                  // four tasks for every core
    static final long NUMBERS = 20_000_000;              // what one computing task adds up
    static final Duration WAIT = Duration.ofMillis(200); // a waiting task waits this: slow reply
    static final int TRIALS = 3;                         // computing: the fastest of three tries
    static final Duration READY = Duration.ofSeconds(2); // waiting: how long main waits for ready

    public static void main(String[] args) throws Exception {
        System.out.println(CORES + " cores, " + TASKS + " tasks per run");

        // Warm-up: let the JIT compile compute() before anything is timed.
        for (int i = 0; i < 20; i++) {
            compute(NUMBERS / 100);
        }

        System.out.println("computing (" + NUMBERS / 1_000_000 + " million numbers per task):");
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        // The three take turns, so that all three meet the same background load.
        for (int trial = 0; trial < TRIALS; trial++) {
            best[0] = Math.min(best[0], time(() -> Executors.newFixedThreadPool(CORES)));
            best[1] = Math.min(best[1], time(() -> Executors.newFixedThreadPool(TASKS)));
            best[2] = Math.min(best[2], time(Executors::newVirtualThreadPerTaskExecutor));
        }
        report(CORES + " platform threads", best[0]);
        report(TASKS + " platform threads", best[1]);
        report(TASKS + " virtual threads", best[2]);

        System.out.println("waiting (" + WAIT.toMillis() + " ms per task):");
        waiting(CORES + " platform threads", () -> Executors.newFixedThreadPool(CORES));
        waiting(TASKS + " platform threads", () -> Executors.newFixedThreadPool(TASKS));
        waiting(TASKS + " virtual threads", Executors::newVirtualThreadPerTaskExecutor);
    }

    /**
     * Runs TASKS waiting tasks on a fresh pool. Each task first says it is ready (it has a
     * thread), then waits for the starting signal. main gives the signal when all tasks are ready,
     * or after READY if they cannot all get a thread, and starts the clock then. How many were
     * ready at the signal is how many tasks this pool lets wait at once.
     */
    static void waiting(String pool, Supplier<ExecutorService> pools) throws Exception {
        CountDownLatch ready = new CountDownLatch(TASKS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> results = new ArrayList<>();
        long start;
        long atOnce;
        try (ExecutorService executor = pools.get()) {
            for (int i = 0; i < TASKS; i++) {
                results.add(executor.submit(() -> {
                    ready.countDown();
                    go.await();
                    return waitForReply();
                }));
            }
            try {
                ready.await(READY.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                atOnce = TASKS - ready.getCount();
                start = System.nanoTime();
                go.countDown(); // always, or close() below would wait for the tasks forever
            }
        } // close() waits for every task
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Future<Long> result : results) {
            result.get(); // throws if a task failed
        }
        System.out.println(String.format(Locale.ROOT, "  %s: %.2f s, %d waiting at once",
                pool, seconds, atOnce));
    }

    /** Runs TASKS computing tasks on a fresh pool; returns the seconds until all are done. */
    static double time(Supplier<ExecutorService> pools) throws Exception {
        long start = System.nanoTime();
        List<Future<Long>> results = new ArrayList<>();
        try (ExecutorService pool = pools.get()) {
            for (int i = 0; i < TASKS; i++) {
                results.add(pool.submit((Callable<Long>) SizingPools::compute));
            }
        } // close() waits for every task
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Future<Long> result : results) {
            result.get(); // throws if a task failed
        }
        return seconds;
    }

    /** A computing task: no waiting, no shared data. */
    static long compute() {
        return compute(NUMBERS);
    }

    /** Scrambles the numbers below n and adds them up (SplitMix64 mixer: no shortcut to a sum). */
    static long compute(long n) {
        long total = 0;
        for (long i = 0; i < n; i++) {
            long z = i * 0x9E3779B97F4A7C15L;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            total += z ^ (z >>> 31);
        }
        return total; // returned, and so used: the JIT may not skip the loop
    }

    /** A waiting task: the thread has nothing to do until the "reply" comes. */
    static long waitForReply() throws InterruptedException {
        Thread.sleep(WAIT);
        return 0;
    }

    static void report(String pool, double seconds) {
        System.out.println(String.format(Locale.ROOT, "  %s: %.2f s", pool, seconds));
    }
}
