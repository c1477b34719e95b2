import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Step 5: stopping child processes that would never end by themselves: ask first, then force.
 */
public class StopStuck {

    /** How long a child gets to finish after being asked to stop. */
    static final Duration GRACE = Duration.ofSeconds(2);

    public static void main(String[] args) throws Exception {
        stop(Polite.class, "polite");
        stop(Stubborn.class, "stubborn");
    }

    static void stop(Class<?> program, String name) throws IOException, InterruptedException, ExecutionException {
        Process child = new ProcessBuilder(javaCommand(program)).redirectErrorStream(true).start();
        System.out.println("parent: started " + name + ", process " + child.pid());
        BufferedReader fromChild = child.inputReader();

        // Wait for the child's first line. The child prints it once it is ready to be stopped, so the
        // parent does not stop it halfway through starting up.
        System.out.println(fromChild.readLine());

        // Stop it through its ProcessHandle. Process.destroy() would do the same, but it also closes the
        // parent's ends of the child's pipes, and we still want to read what the child says on its way out.
        ProcessHandle handle = child.toHandle();
        // onExit() is a CompletableFuture that completes when the process has ended, however it ended.
        CompletableFuture<ProcessHandle> ended = handle.onExit();
        System.out.println("parent: destroy() asks " + name + " to stop");
        handle.destroy();
        try {
            ended.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            System.out.println("parent: " + name + " is still running after " + GRACE.toSeconds()
                    + " s; destroyForcibly() kills it");
            handle.destroyForcibly();
            ended.get(); // a forced kill cannot be refused, so this does not wait long
        }

        // The rest of what the child printed, up to the end of the pipe (which closed when it ended).
        for (String line; (line = fromChild.readLine()) != null; ) {
            System.out.println(line);
        }
        System.out.println("parent: " + name + " ended with exit code " + describe(child.waitFor()));
    }

    /** Exit codes above 128 mean "killed by signal (code - 128)" on Linux and macOS. */
    static String describe(int code) {
        return switch (code) {
            case 143 -> "143 = 128 + 15, killed by SIGTERM";
            case 137 -> "137 = 128 + 9, killed by SIGKILL";
            default -> Integer.toString(code);
        };
    }

    /** Sleeps forever, but cleans up and goes when asked. */
    public static class Polite {
        public static void main(String[] args) throws InterruptedException {
            // SIGTERM makes the JVM run its shutdown hooks and exit.
            Runtime.getRuntime().addShutdownHook(new Thread(
                    () -> System.out.println("polite: shutdown hook: saving my work, goodbye")));
            System.out.println("polite: sleeping until somebody stops me");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Sleeps forever, and its shutdown hook never finishes, so a polite request cannot end it. */
    public static class Stubborn {
        public static void main(String[] args) throws InterruptedException {
            // A hook that never returns: in real programs, one that waits for a lock or a network
            // reply that never comes. The JVM waits for its hooks before it exits.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            System.out.println("stubborn: sleeping until somebody kills me; my shutdown hook never finishes");
            Thread.sleep(Long.MAX_VALUE);
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
