import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Solution: the stages never block the loop; each request waits on a timer future instead, so the
 * three waits overlap.
 */
public class BlockingStage {

    static final List<String> SITES = List.of("news", "shop", "blog");
    static final Duration WAIT = Duration.ofSeconds(1); // how long each answer takes to arrive

    /** The event loop: one thread that runs every stage. */
    static final ExecutorService loop = Executors.newSingleThreadExecutor(task -> new Thread(task, "loop"));

    public static void main(String[] args) {
        long start = System.nanoTime();
        CompletableFuture<?>[] requests = SITES.stream().map(BlockingStage::request)
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(requests).join();
        System.out.println(String.format(Locale.ROOT, "all %d answered in %.1f s, up to %d waiting at once",
                SITES.size(), (System.nanoTime() - start) / 1e9, mostWaiting.get()));
        loop.shutdown();
    }

    /** Sends a request, waits for its answer, and says when it arrived; every stage on the loop. */
    static CompletableFuture<Void> request(String site) {
        // A stage that sleeps holds the loop's only thread, and every other stage waits behind it.
        // thenCompose() instead hangs the rest of the chain on the timer's future and returns the
        // loop at once: Java's await.
        return CompletableFuture.runAsync(() -> say(site + ": request sent"), loop)
                .thenCompose(sent -> timer(WAIT))
                .thenRun(() -> say(site + ": answer arrived"));
    }

    static void say(String text) {
        System.out.println(text + " on " + Thread.currentThread().getName());
    }

    // ---- Two ways to wait. Use them as they are; they also count how many waits overlap. ----

    static final AtomicInteger waiting = new AtomicInteger();
    static final AtomicInteger mostWaiting = new AtomicInteger();

    /** Waits by sleeping: the calling thread can do nothing else meanwhile. */
    static void blockingWait(Duration time) {
        startWaiting();
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopWaiting();
        }
    }

    /** Waits without a thread: returns at once a future that the loop completes when the time is up. */
    static CompletableFuture<Void> timer(Duration time) {
        startWaiting();
        return CompletableFuture.runAsync(BlockingStage::stopWaiting,
                CompletableFuture.delayedExecutor(time.toMillis(), TimeUnit.MILLISECONDS, loop));
    }

    static void startWaiting() {
        mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
    }

    static void stopWaiting() {
        waiting.decrementAndGet();
    }
}
