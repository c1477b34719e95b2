import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Step 7: many tasks that mostly wait. A pool of platform threads runs them in waves;
 * virtual threads let all of them wait at the same time.
 */
public class ManySleepers {

    static final Duration SLEEP = Duration.ofMillis(200); // stands in for a network reply
    static final int POOL_SIZE = 100;

    public static void main(String[] args) {
        System.out.println("every task sleeps " + SLEEP.toMillis() + " ms");

        // 100 operating-system threads: at most 100 tasks can be sleeping at any moment,
        // so 1,000 tasks go through in 10 waves of 200 ms.
        run(1_000, "platform pool of " + POOL_SIZE, () -> Executors.newFixedThreadPool(POOL_SIZE));

        // One virtual thread per task. A sleeping virtual thread is set aside by the JVM and its
        // carrier thread picks up another one, so all tasks can sleep at once on a few OS threads.
        // No virtual threads: the same pool of platform threads for every run.
        run(1_000, "virtual threads", () -> Executors.newFixedThreadPool(POOL_SIZE));
        run(10_000, "virtual threads", () -> Executors.newFixedThreadPool(POOL_SIZE));
    }

    /**
     * Runs `tasks` sleeping tasks on a fresh executor, and prints how long they took and how
     * many of them were asleep at the same moment, at most.
     */
    static void run(int tasks, String label, Supplier<ExecutorService> executors) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger asleep = new AtomicInteger();    // tasks asleep right now
        AtomicInteger mostAsleep = new AtomicInteger(); // the highest `asleep` has been
        long start = System.nanoTime();
        try (ExecutorService executor = executors.get()) {
            for (int i = 0; i < tasks; i++) {
                executor.submit(() -> {
                    mostAsleep.accumulateAndGet(asleep.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(SLEEP);
                    } finally {
                        asleep.decrementAndGet();
                    }
                    done.incrementAndGet();
                    return null; // a Callable, not a Runnable: so sleep() may throw
                });
            }
        } // close() waits until every submitted task has finished
        double seconds = (System.nanoTime() - start) / 1e9;
        String report = "%s: %d tasks done in %.2f s, up to %d asleep at once";
        System.out.println(String.format(Locale.ROOT, report,
                label, done.get(), seconds, mostAsleep.get()));
    }
}
