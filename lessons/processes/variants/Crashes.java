import java.io.IOException;

/**
 * Step 6 without its point: the crashing code runs in the parent itself, not in a child process.
 * Its exception ends the parent's main thread, and with it the program.
 */
public class Crashes {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0) {
            crash();
        }
        // 1. A child process crashes. It has its own memory and threads; the parent only gets an
        // exit code.
        System.out.println("parent: starting a child that will crash");
        crash(); // was: in a child process
        int code = 1;
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
