package concur.explore;

import concur.run.ContainedRun;
import concur.run.Containment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM of the explorer, contained as an example's is (see {@code concur.run.Containment}): it
 * gets a wall-clock limit, because Fray checks its own timeout only between schedules and a hanging
 * schedule would never end, and when it ends, however it ends, every process it started is killed.
 */
final class ChildProcess {
    /** How much of the child's own output is kept, to explain a crash. */
    private static final int TAIL = 2_000;

    /** How a child ended: in time with an exit status, or killed at the limit. */
    record Ended(boolean timedOut, int status, String output, List<Long> survivors) {}

    private ChildProcess() {}

    static Ended run(Containment containment, List<String> command, Path workDir, Duration limit)
            throws IOException, InterruptedException {
        ContainedRun run = containment.start(command, workDir, Map.of());
        Process root = run.root();
        root.getOutputStream().close();
        // The learner's program and Fray print to these; unread, a full pipe would stop the child.
        Tail out = Tail.of(root.getInputStream());
        Tail err = Tail.of(root.getErrorStream());
        boolean timedOut = true;
        List<Long> survivors;
        try {
            timedOut = !root.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            survivors = run.killAll(); // also orphans of a child that exited, and on interrupt
        }
        out.thread.join(1_000);
        err.thread.join(1_000);
        int status = timedOut ? -1 : root.exitValue();
        return new Ended(timedOut, status, (err.text() + "\n" + out.text()).strip(), survivors);
    }

    /** Reads a stream to its end, keeping only its last few thousand characters. */
    private static final class Tail {
        private final StringBuilder kept = new StringBuilder();
        private Thread thread;

        static Tail of(InputStream in) {
            Tail tail = new Tail();
            tail.thread = Thread.ofPlatform().daemon().name("explore-output").start(() -> tail.drain(in));
            return tail;
        }

        private void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (this) {
                        kept.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        if (kept.length() > 2 * TAIL) {
                            kept.delete(0, kept.length() - TAIL);
                        }
                    }
                }
            } catch (IOException e) {
                // the child is gone: what was read is what there is
            }
        }

        synchronized String text() {
            return kept.length() > TAIL ? kept.substring(kept.length() - TAIL) : kept.toString();
        }
    }
}
