import java.io.IOException;

/**
 * Step 6: what a crash takes down with it: a child process, a thread, and then the whole JVM.
 * The child runs this same class with the argument "crash".
 */
public class Crashes {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0) {
            crash();
        }
        // 1. A child process crashes. It has its own memory and threads; the parent only gets an
        // exit code.
        System.out.println("parent: starting a child that will crash");
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        Process child = new ProcessBuilder(java, "-cp", classPath, "Crashes", "crash").start();
        try (var childErrors = child.getErrorStream()) {
            childErrors.transferTo(System.err); // pass the child's stderr on, until it exits
        }
        int code = child.waitFor();
        System.out.println("parent: child exited with code " + code + "; I go on");

        // 2. A thread crashes. The exception ends that thread only; the default handler prints it.
        Thread doomed = Thread.ofPlatform().name("doomed").start(() -> {
            throw new IllegalStateException("the thread gives up");
        });
        doomed.join();
        System.out.println("main: doomed is " + doomed.getState() + "; main runs on");

        // 3. But threads share one process, so one thread can end it for all: System.exit does.
        Thread quitter = Thread.ofPlatform().name("quitter").start(() -> {
            System.out.println("quitter: calling System.exit(3)");
            System.exit(3);
        });
        quitter.join();
        System.out.println("main: this line is never printed");
    }

    /** The child's part: fail straight away with an exception nobody catches. */
    static void crash() {
        throw new IllegalStateException("the child gives up");
    }
}
