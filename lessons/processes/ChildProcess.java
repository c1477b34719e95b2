import java.io.IOException;

/**
 * Step 1: the parent JVM starts a second JVM, its child process, and waits for it to end. The child
 * runs this same class; the argument "child" tells it which part to play.
 */
public class ChildProcess {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0) {
            child();
            return;
        }
        System.out.println("parent: I am process " + ProcessHandle.current().pid());

        // The child is a whole new JVM: the same java binary and class path as ours, this class,
        // and the argument "child".
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        ProcessBuilder builder =
                new ProcessBuilder(java, "-cp", classPath, "ChildProcess", "child");
        // The child's stderr goes into the same pipe as its stdout; the parent holds the other end.
        builder.redirectErrorStream(true);

        System.out.println("parent: starting a child process");
        Process child = builder.start();

        // Copy everything the child prints into our own output. transferTo() returns when the
        // pipe closes, which happens when the child exits.
        try (var fromChild = child.getInputStream()) {
            fromChild.transferTo(System.out);
        }
        // waitFor() blocks until the child has exited, and returns its exit code (0: success).
        int code = child.waitFor();
        System.out.println("parent: child " + child.pid() + " exited with code " + code);
    }

    /** The child's part: say who it is, and who started it. */
    static void child() {
        ProcessHandle me = ProcessHandle.current();
        System.out.println("child: I am process " + me.pid());
        String parent = me.parent().map(p -> Long.toString(p.pid())).orElse("unknown");
        System.out.println("child: my parent is process " + parent);
    }
}
