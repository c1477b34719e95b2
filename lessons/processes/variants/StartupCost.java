import java.io.IOException;
import java.util.Locale;

/**
 * Step 7 without its point: no new JVM. Where the process was, a platform thread is started, so the
 * "process" costs what a thread costs.
 */
public class StartupCost {

    static final int COUNT = 20;

    // Other programs on the machine can only make a round slower, never faster. A slow round of
    // threads would blur the comparison, so threads get a few rounds and we keep the fastest; a
    // slow round of processes would only make them look worse, so they get one.
    static final int THREAD_ROUNDS = 5;

    /** Something to start, wait for, and time. */
    interface Starter {
        void startAndWait() throws IOException, InterruptedException;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0) {
            return; // the child's part: nothing at all
        }
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        var nothing = new ProcessBuilder(java, "-cp", classPath, "StartupCost", "nothing");
        Starter process = () -> Thread.ofPlatform().start(() -> {}).join(); // was: a new JVM
        // Threads are the next lessons' subject; here each one does nothing, and join() waits
        // for it to end.
        Starter platformThread = () -> Thread.ofPlatform().start(() -> {}).join();
        Starter virtualThread = () -> Thread.ofVirtual().start(() -> {}).join();

        // One untimed start of each first: the first use of anything pays for loading its classes
        // (and for virtual threads, for starting their scheduler).
        process.startAndWait();
        platformThread.startAndWait();
        virtualThread.startAndWait();

        System.out.println(COUNT + " starts of each, one at a time:");
        Timing processes = time(process, 1);
        Timing platformThreads = time(platformThread, THREAD_ROUNDS);
        Timing virtualThreads = time(virtualThread, THREAD_ROUNDS);
        report("new JVM process:", processes);
        report("platform thread:", platformThreads);
        report("virtual thread:", virtualThreads);
        // The fastest single starts, measured in the same run: a busy machine can make a start
        // slower, but the fastest process still had to start a whole JVM.
        long ratio = Math.round(processes.fastestMillis() / platformThreads.fastestMillis());
        System.out.println("at best, 1 process = " + ratio + " platform threads");
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

    static void report(String what, Timing timing) {
        double each = timing.roundMillis() / COUNT;
        System.out.println(String.format(Locale.ROOT, "%-16s %.2f ms each", what, each));
    }
}
