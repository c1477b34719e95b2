import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 1: the parent JVM starts a second JVM, its child process, and waits for it to end.
 */
public class ChildProcess {

    public static void main(String[] args) throws IOException, InterruptedException {
        System.out.println("parent: I am process " + ProcessHandle.current().pid());

        // The child is a whole new JVM running Child.main, with the same Java and the same class path as us.
        ProcessBuilder builder = new ProcessBuilder(javaCommand(Child.class, "test"));
        // The child's stderr goes into the same pipe as its stdout; the parent holds the other end.
        builder.redirectErrorStream(true);

        System.out.println("parent: starting a child process");
        Process child = builder.start();

        // Copy everything the child prints into our own output. transferTo() returns when the pipe
        // closes, which happens when the child exits.
        child.getInputStream().transferTo(System.out);

        // waitFor() blocks until the child has exited, and returns its exit code (0 means success).
        int code = child.waitFor();
        System.out.println("parent: child " + child.pid() + " exited with code " + code);
    }

    /** Everything the child process does: say who it is, and who started it. */
    public static class Child {
        public static void main(String[] args) {
            ProcessHandle me = ProcessHandle.current();
            String parent = me.parent().map(p -> Long.toString(p.pid())).orElse("unknown");
            System.out.println("child " + args[0] + ": I am process " + me.pid() + ", my parent is process " + parent);
        }
    }

    /** The command line that starts {@code mainClass} in a new JVM: this JVM's java, this JVM's class path. */
    static List<String> javaCommand(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName()); // a nested class is named ChildProcess$Child
        command.addAll(List.of(args));
        return command;
    }
}
