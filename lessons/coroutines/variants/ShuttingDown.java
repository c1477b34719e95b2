import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Step 7 without shutdown(): the first pool's threads wait for work forever, and the JVM with
 * them. Shutting a pool down. A pool's threads outlive the work unless the pool is shut down;
 * close() does shutdown() and awaitTermination() in one; a task's exception waits in its Future.
 */
public class ShuttingDown {

    public static void main(String[] args) throws Exception {
        System.out.println("-- shutdown() and awaitTermination() --");
        Pool first = new Pool("first");
        ExecutorService pool = Executors.newFixedThreadPool(2, first);
        Future<String> a = pool.submit(ShuttingDown::hello);
        Future<String> b = pool.submit(ShuttingDown::hello);
        System.out.println(a.get() + ", " + b.get());
        // main's work is done. Are the pool's threads?
        System.out.println("threads still running: " + first.running());
        System.out.println("daemon threads: " + first.daemons() + " (so the JVM waits for them)");
        boolean done = pool.awaitTermination(5, TimeUnit.SECONDS);
        System.out.println("after shutdown(): terminated " + done
                + ", threads still running: " + first.running());

        System.out.println("-- close() --");
        Pool second = new Pool("second");
        try (ExecutorService closing = Executors.newFixedThreadPool(2, second)) {
            closing.submit(ShuttingDown::hello);
            closing.submit(ShuttingDown::hello);
        } // close(): shutdown(), then wait until every task has finished
        System.out.println("after close(): threads still running: " + second.running());

        System.out.println("-- a task that throws --");
        Pool third = new Pool("third");
        try (ExecutorService failing = Executors.newFixedThreadPool(1, third)) {
            Future<?> report = failing.submit(ShuttingDown::failingTask);
            failing.submit(() -> { }).get(); // one thread, tasks in turn: so the first one is over
            System.out.println("submit(): the task is " + report.state() + ", nothing was printed");
            try {
                report.get();
            } catch (ExecutionException e) {
                System.out.println("get() threw ExecutionException, cause: " + e.getCause());
            }
            failing.execute(ShuttingDown::failingTask);
        }
        third.running(); // waits for the threads to end: the failed one has reported by then
    }

    static String hello() {
        return "hello from " + Thread.currentThread().getName();
    }

    static void failingTask() {
        throw new IllegalStateException("disk full");
    }

    /** Makes a pool's threads, names them, and remembers them so that main can look at them. */
    static final class Pool implements ThreadFactory {
        private final String name;
        private final List<Thread> threads = new CopyOnWriteArrayList<>();

        Pool(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, name + "-" + (threads.size() + 1));
            // Where an exception goes that no Future keeps: the default handler prints a stack
            // trace; this one prints a line.
            thread.setUncaughtExceptionHandler((t, e) ->
                    System.out.println("uncaught in " + t.getName() + ": " + e));
            threads.add(thread);
            return thread;
        }

        /** How many of this pool's threads are running; each gets half a second to end first. */
        long running() throws InterruptedException {
            long running = 0;
            for (Thread thread : threads) {
                // join() returns as soon as the thread has ended, or false after the wait.
                if (!thread.join(Duration.ofMillis(500))) {
                    running++;
                }
            }
            return running;
        }

        long daemons() {
            return threads.stream().filter(Thread::isDaemon).count();
        }
    }
}
