import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;

/**
 * Solution: the waiter sleeps in await() until the cook counts the latch down, instead of asking
 * "ready yet?" over and over.
 */
public class BusyWait {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Counted down by the cook when the order is ready. */
    static final CountDownLatch ready = new CountDownLatch(1);

    public static void main(String[] args) throws InterruptedException {
        long[] cpuNanos = new long[1];
        Thread waiter = Thread.ofPlatform().name("waiter").start(() -> {
            // CPU time: how long this thread has really run on a core, not the time on the clock.
            long before = THREADS.getCurrentThreadCpuTime();
            try {
                // A thread waiting in await() is parked: it is off the core and uses no CPU until
                // countDown() wakes it. Spinning on a flag kept a core busy for the whole 1.5 s.
                ready.await();
            } catch (InterruptedException e) {
                return;
            }
            cpuNanos[0] = THREADS.getCurrentThreadCpuTime() - before;
            System.out.println("waiter: serving the order");
        });

        Thread.sleep(1500); // the cook at work
        System.out.println("cook: the order is ready");
        ready.countDown();

        waiter.join();
        long cpuMillis = cpuNanos[0] / 1_000_000;
        System.out.println("the waiter used " + cpuMillis + " ms of CPU while it waited");
        // A parked thread uses next to nothing; 50 ms leaves room for a slow wake-up.
        System.out.println("the waiter slept while it waited: " + (cpuMillis <= 50 ? "yes" : "no"));
    }
}
