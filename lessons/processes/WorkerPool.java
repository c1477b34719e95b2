import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Step 2: two slow jobs, each in a worker process of its own, run side by side. A worker runs this
 * same class with the arguments "job" and the job's number.
 */
public class WorkerPool {

    static final int JOBS = 2;
    static final int JOB_SECONDS = 3; // each job just sleeps, standing in for real work

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        if (args.length > 0) {
            job(args[1]);
            return;
        }
        System.out.println("parent: " + JOBS + " jobs of " + JOB_SECONDS + " s each");
        long start = System.nanoTime();

        // A pool of 2 threads in the parent (threads are the next lesson's subject), named runner-1
        // and runner-2. Each task starts one worker process and waits for it, so the pool's size
        // limits how many workers run at once.
        List<Future<Integer>> exitCodes = new ArrayList<>();
        var names = Thread.ofPlatform().name("runner-", 1).factory();
        try (ExecutorService pool = Executors.newFixedThreadPool(2, names)) {
            for (int job = 1; job <= JOBS; job++) {
                int number = job;
                exitCodes.add(pool.submit(() -> runInWorkerProcess(number)));
            }
        } // close() waits until every task, and so every worker process, has finished

        double seconds = (System.nanoTime() - start) / 1e9;
        for (Future<Integer> exitCode : exitCodes) {
            int code = exitCode.get(); // the task's result, or its exception
            if (code != 0) {
                System.out.println("parent: a worker failed with exit code " + code);
            }
        }
        System.out.println(String.format(Locale.ROOT, "parent: all jobs done in %.1f s", seconds));
    }

    /** Runs job {@code number} in a worker process, passes its output on, returns its exit code. */
    static int runInWorkerProcess(int number) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        Process worker = new ProcessBuilder(
                        java, "-cp", classPath, "WorkerPool", "job", Integer.toString(number))
                .redirectErrorStream(true) // the worker's stderr goes into the pipe of its stdout
                .start();
        // Copy what the worker prints into our own output as it comes, until the worker exits and
        // its end of the pipe closes.
        try (var fromWorker = worker.getInputStream()) {
            fromWorker.transferTo(System.out);
        }
        return worker.waitFor();
    }

    /** The worker's part: one job. */
    static void job(String number) throws InterruptedException {
        long pid = ProcessHandle.current().pid();
        System.out.println("job " + number + ": running in process " + pid);
        Thread.sleep(JOB_SECONDS * 1000L);
        System.out.println("job " + number + ": done");
    }
}
