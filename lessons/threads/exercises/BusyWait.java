import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Exercise: a waiter thread waits for an order that takes 1.5 s to cook.
 */
public class BusyWait {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Set by the cook when the order is ready. */
    static volatile boolean ready;

    public static void main(String[] args) throws InterruptedException {
        long[] cpuNanos = new long[1];
        Thread waiter = Thread.ofPlatform().name("waiter").start(() -> {
            // CPU time: how long this thread has really run on a core, not the time on the clock.
            long before = THREADS.getCurrentThreadCpuTime();
            while (!ready) {
                // wait for the order
            }
            cpuNanos[0] = THREADS.getCurrentThreadCpuTime() - before;
            System.out.println("waiter: serving the order");
        });

        Thread.sleep(1500); // the cook at work
        System.out.println("cook: the order is ready");
        ready = true;

        waiter.join();
        long cpuMillis = cpuNanos[0] / 1_000_000;
        System.out.println("the waiter used " + cpuMillis + " ms of CPU while it waited");
        // A parked thread uses next to nothing; 50 ms leaves room for a slow wake-up.
        System.out.println("the waiter slept while it waited: " + (cpuMillis <= 50 ? "yes" : "no"));
    }
}
