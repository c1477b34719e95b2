import java.io.IOException;

/**
 * Step 1 without its point: the parent starts the child, but neither reads its output nor waits for
 * it. The parent ends first, and what the child prints goes into a pipe nobody reads.
 */
public class ChildProcess {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0) {
            child();
            return;
        }
        System.out.println("parent: I am process " + ProcessHandle.current().pid());

        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        ProcessBuilder builder =
                new ProcessBuilder(java, "-cp", classPath, "ChildProcess", "child");
        builder.redirectErrorStream(true);

        System.out.println("parent: starting a child process");
        Process child = builder.start();

        // No transferTo(), no waitFor(): the parent goes on at once, and ends.
        System.out.println("parent: child " + child.pid() + " may still be running; I am done");
    }

    static void child() {
        ProcessHandle me = ProcessHandle.current();
        System.out.println("child: I am process " + me.pid());
        String parent = me.parent().map(p -> Long.toString(p.pid())).orElse("unknown");
        System.out.println("child: my parent is process " + parent);
    }
}
