import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Step 2: two slow jobs, each in its own worker process, run side by side.
 */
public class WorkerPool {

    static final int JOBS = 2;
    static final int JOB_SECONDS = 3; // each job just sleeps, standing in for real work

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        System.out.println("parent: " + JOBS + " jobs of " + JOB_SECONDS + " s each, 2 worker processes at a time");
        long start = System.nanoTime();

        // Two threads in the parent, each of which starts one worker process and waits for it.
        // The pool's size is what limits how many worker processes run at once.
        List<Future<Integer>> exitCodes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int job = 1; job <= JOBS; job++) {
                int number = job;
                exitCodes.add(pool.submit(() -> runInWorkerProcess(number)));
            }
        } // close() waits until both tasks, and so both worker processes, have finished

        double seconds = (System.nanoTime() - start) / 1e9;
        for (Future<Integer> exitCode : exitCodes) {
            if (exitCode.get() != 0) {
                System.out.println("parent: a worker failed with exit code " + exitCode.get());
            }
        }
        System.out.println(String.format(Locale.ROOT, "parent: all jobs done in %.1f s", seconds));
    }

    /** Starts one worker process for job {@code number}, passes its output on, and returns its exit code. */
    static int runInWorkerProcess(int number) throws IOException, InterruptedException {
        Process worker = new ProcessBuilder(javaCommand(Job.class, Integer.toString(number)))
                .redirectErrorStream(true) // the worker's stderr goes into the same pipe as its stdout
                .start();
        // Copy what the worker prints into our own output, as it comes, until the worker exits
        // and its end of the pipe closes.
        worker.getInputStream().transferTo(System.out);
        return worker.waitFor();
    }

    /** The worker process: one job. */
    public static class Job {
        public static void main(String[] args) throws InterruptedException {
            String job = args[0];
            System.out.println("job " + job + ": running in process " + ProcessHandle.current().pid());
            Thread.sleep(JOB_SECONDS * 1000L);
            System.out.println("job " + job + ": done");
        }
    }

    /** The command line that starts {@code mainClass} in a new JVM: this JVM's java, this JVM's class path. */
    static List<String> javaCommand(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return command;
    }
}
