import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Step 7: what it costs to start (and finish) a process, a platform thread and a virtual thread.
 */
public class StartupCost {

    static final int COUNT = 20;

    // Other programs on the machine can only make a round slower, never faster. A slow round of
    // threads would blur the comparison, so threads get a few rounds and we keep the fastest; a slow
    // round of processes would only make them look worse, so they get one (it takes long enough).
    static final int THREAD_ROUNDS = 5;

    /** Something to start, wait for, and time. */
    interface Starter {
        void startAndWait() throws IOException, InterruptedException;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Starter process = () -> new ProcessBuilder(javaCommand(Nothing.class)).inheritIO().start().waitFor();
        Starter platformThread = () -> Thread.ofPlatform().start(StartupCost::nothing).join();
        Starter virtualThread = () -> Thread.ofVirtual().start(StartupCost::nothing).join();

        // One untimed start of each first: the first use of anything pays for loading its classes
        // (and for virtual threads, for starting their scheduler).
        process.startAndWait();
        platformThread.startAndWait();
        virtualThread.startAndWait();

        System.out.println("start " + COUNT + " of each, one at a time, and wait for each to end:");
        double processes = fastestRound(process, 1);
        double platformThreads = fastestRound(platformThread, THREAD_ROUNDS);
        report("processes (new JVMs)", processes);
        report("platform threads", platformThreads);
        report("virtual threads", fastestRound(virtualThread, THREAD_ROUNDS));
        // Measured in the same run, so a busy machine slows both sides of the comparison.
        long ratio = Math.round(processes / platformThreads);
        System.out.println("one process costs as much as " + ratio + " platform threads");
    }

    /** Milliseconds for COUNT starts, in the fastest of {@code rounds} rounds. */
    static double fastestRound(Starter starter, int rounds) throws IOException, InterruptedException {
        long best = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < COUNT; i++) {
                starter.startAndWait();
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        return best / 1e6;
    }

    static void report(String what, double millis) {
        System.out.println(String.format(Locale.ROOT, "%-22s %.1f ms in all, %.2f ms each", what + ":", millis, millis / COUNT));
    }

    static void nothing() {}

    /** The child process: a JVM that starts, does nothing, and exits. */
    public static class Nothing {
        public static void main(String[] args) {}
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
