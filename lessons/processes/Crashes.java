import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 6: what a crash takes down with it: a child process, a thread, and then the whole JVM.
 */
public class Crashes {

    public static void main(String[] args) throws IOException, InterruptedException {
        // 1. A child process crashes. It has its own memory and its own threads; the parent only sees an exit code.
        System.out.println("parent: starting a child process that will crash");
        Process child = new ProcessBuilder(javaCommand(Crasher.class)).start();
        child.getErrorStream().transferTo(System.err); // pass the child's stderr on, until it exits
        int code = child.waitFor();
        System.out.println("parent: the child exited with code " + code + ", and the parent carries on");

        // 2. A thread crashes. The exception ends that thread only; the default handler prints it to stderr.
        Thread doomed = Thread.ofPlatform().name("doomed").start(() -> {
            throw new IllegalStateException("the thread gives up");
        });
        doomed.join();
        System.out.println("main: thread doomed is " + doomed.getState() + ", but main and the JVM are still running");

        // 3. But threads share one process, so one thread can end it for all: here by calling System.exit.
        Thread quitter = Thread.ofPlatform().name("quitter").start(() -> {
            System.out.println("quitter: calling System.exit(3)");
            System.exit(3);
        });
        quitter.join();
        System.out.println("main: this line is never printed");
    }

    /** The child process: fails straight away with an exception nobody catches. */
    public static class Crasher {
        public static void main(String[] args) {
            throw new IllegalStateException("the child gives up");
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
