import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Exercise: stopping a child that has started a child of its own.
 */
public class OrphanedGrandchild {

    public static void main(String[] args) throws Exception {
        Process child = new ProcessBuilder(javaCommand(Child.class)).start();
        BufferedReader fromChild = child.inputReader();
        // The child's only line: the PID of the grandchild it started, once the grandchild is ready.
        long grandchildPid = Long.parseLong(fromChild.readLine());
        System.out.println("parent: my child started a grandchild");

        stop(child);
        System.out.println("parent: the child is gone");

        // Every process the child started must be gone too. Give the grandchild 2 s to end.
        Optional<ProcessHandle> grandchild = ProcessHandle.of(grandchildPid);
        try {
            if (grandchild.isPresent()) {
                grandchild.get().onExit().get(2, TimeUnit.SECONDS);
            }
            System.out.println("parent: the grandchild is gone");
        } catch (TimeoutException stillRunning) {
            grandchild.get().destroyForcibly(); // tidy up, so the exercise leaves nothing behind
            throw new AssertionError("the grandchild was still running 2 s after its parent was stopped");
        }
    }

    /** Stops the child, politely. */
    static void stop(Process child) throws InterruptedException {
        child.destroy();
        child.waitFor();
    }

    /** The child: starts a grandchild, reports its PID, and sleeps until it is stopped. */
    public static class Child {
        public static void main(String[] args) throws IOException, InterruptedException {
            Process grandchild = new ProcessBuilder(javaCommand(Grandchild.class)).start();
            grandchild.inputReader().readLine(); // wait until the grandchild is up and running
            System.out.println(grandchild.pid());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** The grandchild: says it is ready, then sleeps forever. */
    public static class Grandchild {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** The command line that starts {@code mainClass} in a new JVM: this JVM's java and class path. */
    static List<String> javaCommand(Class<?> mainClass) {
        return List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName());
    }
}
