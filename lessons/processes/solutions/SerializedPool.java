import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Solution: submit every job first, then wait for them, so that the pool runs them side by side.
 */
public class SerializedPool {

    static final int JOBS = 3;

    /**
     * The jobs are meant to run side by side. Each worker, once it is up, waits for a "go" from
     * the parent, and the parent says "go" only when all three workers are up: this barrier opens
     * only when three pool threads wait at it together.
     */
    static final CyclicBarrier allUp = new CyclicBarrier(JOBS);

    public static void main(String[] args) throws Exception {
        System.out.println("parent: " + JOBS + " jobs, a pool of " + JOBS + " threads");
        List<Future<Integer>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(JOBS)) {
            // submit() returns at once; get() waits until that job has finished. Calling get() right
            // after each submit() would keep the next job from being submitted until the last one
            // was done. So hand the pool every job first, and only then wait for the results.
            for (int job = 1; job <= JOBS; job++) {
                int number = job;
                running.add(pool.submit(() -> runJob(number)));
            }
        }
        List<Integer> exitCodes = new ArrayList<>();
        for (Future<Integer> job : running) {
            exitCodes.add(job.get());
        }
        System.out.println("parent: all " + JOBS + " jobs done, exit codes " + exitCodes);
    }

    /** Runs one job in a worker process and returns the worker's exit code. */
    static int runJob(int number) throws IOException, InterruptedException {
        Process worker = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Worker.class.getName(), "" + number)
                .redirectErrorStream(true)
                .start();
        BufferedReader fromWorker = worker.inputReader();
        System.out.println(fromWorker.readLine()); // "job N: running in process PID"
        waitForAllWorkers(number);
        try (PrintWriter toWorker = new PrintWriter(worker.outputWriter(), true)) {
            toWorker.println("go");
        }
        System.out.println(fromWorker.readLine()); // "job N: done"
        return worker.waitFor();
    }

    static void waitForAllWorkers(int number) throws InterruptedException {
        try {
            allUp.await(5, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            throw new AssertionError("job " + number + ": the " + JOBS
                    + " worker processes were never running at the same time");
        }
    }

    /** The worker: reports that it is up, waits for "go", works for half a second. */
    public static class Worker {
        public static void main(String[] args) throws IOException, InterruptedException {
            String job = "job " + args[0];
            System.out.println(job + ": running in process " + ProcessHandle.current().pid());
            if (!"go".equals(new BufferedReader(new InputStreamReader(System.in)).readLine())) {
                System.exit(2); // the parent went away without saying "go"
            }
            Thread.sleep(500);
            System.out.println(job + ": done");
        }
    }
}
