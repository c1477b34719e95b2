import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Step 5: stopping child processes that would never end by themselves: ask first, then force.
 * Each child runs this same class, with its name as the argument.
 */
public class StopStuck {

    /** How long a child gets to finish after being asked to stop. */
    static final Duration GRACE = Duration.ofSeconds(2);

    public static void main(String[] args)
            throws IOException, InterruptedException, ExecutionException {
        if (args.length > 0) {
            child(args[0]);
            return;
        }
        stop("polite");
        stop("stubborn");
    }

    static void stop(String name) throws IOException, InterruptedException, ExecutionException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        Process child = new ProcessBuilder(java, "-cp", classPath, "StopStuck", name)
                .redirectErrorStream(true)
                .start();
        System.out.println("parent: started " + name + ", process " + child.pid());
        try (BufferedReader fromChild = child.inputReader()) {
            // The child's first line says it is ready, so the parent never stops it halfway
            // through starting up.
            System.out.println(fromChild.readLine());

            // Stop it through its ProcessHandle: Process.destroy() would also close the parent's
            // ends of the child's pipes, and we still want to read what it says on its way out.
            ProcessHandle handle = child.toHandle();
            // onExit() completes when the process has ended, however it ended.
            CompletableFuture<ProcessHandle> ended = handle.onExit();
            System.out.println("parent: asking " + name + " to stop");
            handle.destroy(); // SIGTERM on Linux and macOS
            try {
                ended.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                System.out.println("parent: " + name + " is still running after "
                        + GRACE.toSeconds() + " s");
                System.out.println("parent: destroyForcibly() kills it");
                handle.destroyForcibly(); // SIGKILL: it cannot be refused
                ended.get();
            }
            // What the child printed on its way out, up to the end of the pipe.
            fromChild.lines().forEach(System.out::println);
        }
        int code = child.waitFor();
        System.out.println("parent: " + name + " ended with exit code " + code);
        switch (code) {
            case 143 -> System.out.println("parent: 143 = 128 + 15: exit after SIGTERM");
            case 137 -> System.out.println("parent: 137 = 128 + 9: killed by SIGKILL");
            default -> {}
        }
    }

    /** A child's part: sleep until stopped, with a shutdown hook that saves its work. */
    static void child(String name) throws InterruptedException {
        // The stubborn child's hook waits for something that never comes (in real programs: a
        // lock, or a reply from the network).
        CountDownLatch never = new CountDownLatch(name.equals("stubborn") ? 1 : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println(name + ": shutdown hook: saving...");
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // not saved
            }
            System.out.println(name + ": shutdown hook: work saved");
        }));
        System.out.println(name + ": sleeping until stopped");
        Thread.sleep(Long.MAX_VALUE);
    }
}
