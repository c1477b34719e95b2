import java.time.Duration;
import java.util.Locale;

/**
 * The T6 demo: 100,000 virtual threads each sleeping 1 s. Prints the wall time from starting the first
 * to having joined the last, in seconds. The sleep alone is 1 s; the rest is the cost of making,
 * scheduling and joining the threads.
 */
public final class SleepingThreads {

    static final int THREADS = 100_000;
    static final Duration SLEEP = Duration.ofSeconds(1);

    public static void main(String[] args) throws InterruptedException {
        Thread[] threads = new Thread[THREADS];
        long start = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            threads[i] = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(SLEEP);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println(String.format(Locale.ROOT, "%.3f", (System.nanoTime() - start) / 1e9));
    }
}
