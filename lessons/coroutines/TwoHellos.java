import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Step 3: two tasks that each say hello, wait one second and say hello again. Written twice:
 * as virtual threads that simply sleep, and as CompletableFuture stages on a single thread.
 */
public class TwoHellos {

    static final Duration WAIT = Duration.ofSeconds(1); // stands in for a slow network call

    /** How many hellos are in their wait right now, and the most there have been at once. */
    static final AtomicInteger waiting = new AtomicInteger();
    static final AtomicInteger mostWaiting = new AtomicInteger();

    public static void main(String[] args) throws InterruptedException {
        System.out.println("-- virtual threads --");
        long start = System.nanoTime();
        Thread first = Thread.ofVirtual().name("hello-1").start(TwoHellos::helloBlocking);
        Thread second = Thread.ofVirtual().name("hello-2").start(TwoHellos::helloBlocking);
        first.join();
        second.join();
        System.out.println(seconds("both finished in %.2f s", start) + upToWaiting());

        System.out.println("-- CompletableFuture on one thread --");
        // One platform thread runs every step of both tasks, like an asyncio event loop.
        try (ExecutorService loop =
                Executors.newSingleThreadExecutor(task -> new Thread(task, "loop"))) {
            start = System.nanoTime();
            CompletableFuture<Void> one = helloAsync("hello-1", loop);
            CompletableFuture<Void> two = helloAsync("hello-2", loop);
            CompletableFuture.allOf(one, two).join(); // main waits until both chains are done
            System.out.println(seconds("both finished in %.2f s", start) + upToWaiting());
        } // close() shuts the loop thread down
    }

    /** Ordinary blocking code: on a virtual thread, sleep() sets it aside and frees its carrier. */
    static void helloBlocking() {
        System.out.println(Thread.currentThread().getName() + ": Hello world! on " + carrier());
        startWaiting();
        try {
            Thread.sleep(WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            stopWaiting();
        }
        System.out.println(Thread.currentThread().getName() + ": Hello again! on " + carrier());
    }

    /**
     * The same task as a chain of stages. Nothing here blocks: each call returns at once. Every
     * stage is added with an ...Async(..., loop) method, so it runs on the loop thread when the
     * one before it has completed. (Without "Async" a stage runs on whichever thread completes the
     * stage before it, or on the caller's thread if that one is complete already.)
     */
    static CompletableFuture<Void> helloAsync(String name, ExecutorService loop) {
        return CompletableFuture
                .runAsync(() -> say(name, "Hello world!"), loop)
                .thenComposeAsync(done -> sleep(WAIT, loop), loop) // "await asyncio.sleep(1)"
                .thenRunAsync(() -> say(name, "Hello again!"), loop);
    }

    static void say(String name, String words) {
        System.out.println(name + ": " + words + " on " + Thread.currentThread().getName());
    }

    /** A future that completes on the loop thread after the delay; no thread waits for it. */
    static CompletableFuture<Void> sleep(Duration delay, ExecutorService loop) {
        startWaiting();
        Executor later =
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, loop);
        return CompletableFuture.runAsync(TwoHellos::stopWaiting, later);
    }

    /** Counts one more hello as waiting, and keeps the most there have been at once. */
    static void startWaiting() {
        mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
    }

    static void stopWaiting() {
        waiting.decrementAndGet();
    }

    /** ", up to 2 waiting at once" if both hellos were in their wait at the same moment. */
    static String upToWaiting() {
        return ", up to " + mostWaiting.getAndSet(0) + " waiting at once";
    }

    /** The platform thread running this virtual thread right now, e.g. ForkJoinPool-1-worker-2. */
    static String carrier() {
        // A demonstration trick, not an API (the format of toString() is not specified): a
        // virtual thread describes itself as
        // "VirtualThread[#22,hello-1]/runnable@ForkJoinPool-1-worker-2".
        String me = Thread.currentThread().toString();
        return me.substring(me.indexOf('@') + 1);
    }

    static String seconds(String pattern, long start) {
        return String.format(Locale.ROOT, pattern, (System.nanoTime() - start) / 1e9);
    }
}
