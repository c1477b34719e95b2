import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Solution: a parent that reads its child's stdout and stderr at the same time, so neither pipe
 * can fill up while the parent is busy with the other one.
 */
public class ChattyChild {

    /** How much the child logs: 4 MiB, more than any pipe between two processes can hold. */
    static final int LOG_BYTES = 4 * 1024 * 1024;

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName());
        Process child = new ProcessBuilder(command).start();
        System.out.println("parent: started the child");

        // A pipe holds only so much (64 KiB on Linux). A child whose stderr pipe is full waits until
        // somebody reads it, so stderr must be read while the parent waits for stdout, not after:
        // a second thread drains stderr.
        CompletableFuture<Long> logged = CompletableFuture.supplyAsync(() -> {
            try {
                return count(child.getErrorStream());
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, runnable -> Thread.ofPlatform().name("stderr-reader").start(runnable));
        String answer = new String(child.getInputStream().readAllBytes()).strip();

        System.out.println("parent: the child answered: " + answer);
        System.out.println("parent: the child logged " + logged.join() + " bytes");
        System.out.println("parent: the child exited with code " + child.waitFor());
    }

    /** Reads a stream to its end and returns how many bytes there were. */
    static long count(InputStream in) throws IOException {
        long total = 0;
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
        }
        return total;
    }

    /** The child: logs LOG_BYTES on stderr, then prints its answer on stdout and exits. */
    public static class Child {
        public static void main(String[] args) {
            byte[] line = "child: still working, everything is fine\n".getBytes();
            for (int written = 0; written < LOG_BYTES; written += line.length) {
                System.err.write(line, 0, Math.min(line.length, LOG_BYTES - written));
            }
            System.err.flush();
            System.out.println("42");
        }
    }
}
