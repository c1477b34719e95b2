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
        Timing processes = time(process, 1);
        Timing platformThreads = time(platformThread, THREAD_ROUNDS);
        report("processes (new JVMs)", processes.roundMillis());
        report("platform threads", platformThreads.roundMillis());
        report("virtual threads", time(virtualThread, THREAD_ROUNDS).roundMillis());
        // The fastest single starts, measured in the same run: a busy machine can make a start
        // slower, but the fastest process still had to start a whole JVM.
        long ratio = Math.round(processes.fastestMillis() / platformThreads.fastestMillis());
        System.out.println("at their fastest, one process costs as much as " + ratio
                + " platform threads");
    }

    /** The fastest of some rounds of COUNT starts, and the fastest single start (milliseconds). */
    record Timing(double roundMillis, double fastestMillis) {}

    static Timing time(Starter starter, int rounds) throws IOException, InterruptedException {
        long bestRound = Long.MAX_VALUE;
        long bestStart = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long roundStart = System.nanoTime();
            for (int i = 0; i < COUNT; i++) {
                long start = System.nanoTime();
                starter.startAndWait();
                bestStart = Math.min(bestStart, System.nanoTime() - start);
            }
            bestRound = Math.min(bestRound, System.nanoTime() - roundStart);
        }
        return new Timing(bestRound / 1e6, bestStart / 1e6);
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
