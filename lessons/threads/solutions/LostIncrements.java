import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Solution: the counter adds one in a single indivisible step, so no hit can be lost.
 */
public class LostIncrements {

    static final int THREADS = 2;
    static final int ROUNDS = 2; // hits per thread

    /** A hit counter shared by all the threads. */
    static class Counter {
        // Reading, adding and writing back were three steps, and another thread could write in
        // between, so its hit was overwritten. incrementAndGet() does all three as one.
        final AtomicInteger hits = new AtomicInteger();

        void hit() {
            hits.incrementAndGet();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Counter counter = new Counter();
        // A start gate: the threads wait here until all of them exist, then go at the same moment.
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t <= THREADS; t++) {
            threads.add(Thread.ofPlatform().name("counter-" + t).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int r = 0; r < ROUNDS; r++) {
                    counter.hit();
                }
            }));
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        int expected = THREADS * ROUNDS;
        int hits = counter.hits.get();
        System.out.println(THREADS + " threads, " + ROUNDS + " hits each: " + hits + " hits");
        if (hits != expected) {
            throw new AssertionError("expected " + expected + " hits but was " + hits);
        }
    }
}
