import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Solution: check every worker's exit code, and fail loudly when a job failed.
 */
public class SilentFailures {

    /** Each worker squares one number. The second one is not a number. */
    static final List<String> INPUTS = List.of("3", "x", "12");

    public static void main(String[] args) throws Exception {
        System.out.println("parent: squaring " + String.join(", ", INPUTS) + " in " + INPUTS.size()
                + " worker processes");
        List<Future<Result>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(INPUTS.size())) {
            for (String input : INPUTS) {
                results.add(pool.submit(() -> runWorker(input)));
            }
        } // close() waits until every worker has finished

        // The exit code is the only thing a failed worker can tell us (its stderr is discarded),
        // so look at it for every job: 0 is success, anything else is a failure.
        int failed = 0;
        for (int job = 1; job <= results.size(); job++) {
            Result result = results.get(job - 1).get();
            if (result.exitCode() == 0) {
                System.out.println("job " + job + ": " + result.output());
            } else {
                System.out.println("parent: job " + job + " failed with exit code " + result.exitCode());
                failed++;
            }
        }
        if (failed > 0) {
            // Pass the failure on: whoever started this program learns about it from our exit code.
            System.out.println("parent: " + failed + " of " + results.size() + " jobs failed");
            System.exit(1);
        }
        System.out.println("parent: all " + results.size() + " jobs done");
    }

    /** What a worker printed on stdout, and how it ended. */
    record Result(String output, int exitCode) {}

    static Result runWorker(String input) throws IOException, InterruptedException {
        Process worker = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Worker.class.getName(), input)
                .redirectError(Redirect.DISCARD) // keep the workers' error messages out of our output
                .start();
        String output = new String(worker.getInputStream().readAllBytes()).strip();
        return new Result(output, worker.waitFor());
    }

    /** The worker: prints the square of its argument. A JVM whose main throws exits with code 1. */
    public static class Worker {
        public static void main(String[] args) {
            long n = Long.parseLong(args[0]);
            System.out.println(n + " squared is " + n * n);
        }
    }
}
