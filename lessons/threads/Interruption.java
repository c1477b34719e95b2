import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Step 8: three ways to ask a thread to stop what it is doing: Thread.interrupt(),
 * Future.cancel(true) and ExecutorService.shutdownNow(). All three set the thread's interrupt
 * flag, and the sleep the thread is in throws InterruptedException.
 */
public class Interruption {

    static final int STEPS = 20; // 20 naps of 100 ms: 2 s of work

    public static void main(String[] args) throws InterruptedException {
        System.out.println("main: worker.interrupt()");
        CountDownLatch started = new CountDownLatch(1);
        Thread worker = Thread.ofPlatform().name("worker").start(() -> runWork(started));
        started.await(); // interrupt it in the middle of its work, not before it has begun
        worker.interrupt();
        worker.join();

        ThreadFactory taskThread = Thread.ofPlatform().name("task").factory();
        try (ExecutorService pool = Executors.newSingleThreadExecutor(taskThread)) {
            CountDownLatch taskStarted = new CountDownLatch(1);
            Future<?> task = pool.submit(() -> runWork(taskStarted));
            taskStarted.await();
            System.out.println("main: task.cancel(true)");
            task.cancel(true); // true: interrupt the thread that is running the task
        } // close() waits until the task has ended

        // Threads named pool-1 and pool-2.
        ThreadFactory poolThreads = Thread.ofPlatform().name("pool-", 1).factory();
        try (ExecutorService pool = Executors.newFixedThreadPool(2, poolThreads)) {
            CountDownLatch bothStarted = new CountDownLatch(2);
            pool.submit(() -> runWork(bothStarted));
            pool.submit(() -> runWork(bothStarted));
            bothStarted.await();
            System.out.println("main: pool.shutdownNow()");
            pool.shutdownNow(); // interrupts every thread of the pool
        }
        System.out.println("main: every worker has ended");
    }

    /** Runs the work and says how it ended. Runnable.run() may not throw, so this catches. */
    static void runWork(CountDownLatch started) {
        String me = Thread.currentThread().getName();
        try {
            work(started);
            System.out.println(me + ": finished all " + STEPS + " steps");
        } catch (InterruptedException e) {
            System.out.println(me + ": interrupted, stopping early");
            // Catching the exception cleared the flag. Set it again, so that whoever runs this
            // code (a thread pool, say) can still see that the thread was asked to stop.
            Thread.currentThread().interrupt();
        }
    }

    /** Work that waits. It does not catch InterruptedException: the caller gets it. */
    static void work(CountDownLatch started) throws InterruptedException {
        started.countDown();
        for (int step = 1; step <= STEPS; step++) {
            Thread.sleep(100); // throws InterruptedException if the flag is set, or gets set
        }
    }
}
