package concur.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * One of the child's own pipes: bytes that did not pass through the harness (a grandchild's
 * inherited stdout, or the JVM's own errors). It is read only under its lock, and drained just
 * before each tagged line is recorded, so a grandchild's output lands before the lines its parent
 * printed after it, whichever reader thread the scheduler favours.
 */
final class RawStream {
    private final InputStream in;
    private final OutputCollector output;
    private final RunClock clock;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean ended;

    RawStream(InputStream in, OutputCollector output, RunClock clock) {
        this.in = in;
        this.output = output;
        this.clock = clock;
    }

    /** Takes whatever has arrived, without blocking: also just before each tagged line is recorded. */
    synchronized void drain() {
        try {
            for (int n; !ended && (n = in.available()) > 0; ) {
                accept(in.readNBytes(Math.min(n, 1 << 16)));
            }
        } catch (IOException e) {
            end();
        }
    }

    /** Polls while the process lives (so {@link #drain} never races a blocked read), then reads to the end. */
    void pump(Process process) {
        try {
            while (process.isAlive()) {
                drain();
                Thread.sleep(2);
            }
            synchronized (this) {
                byte[] rest = in.readAllBytes(); // returns once the process group is gone
                accept(rest);
                end();
            }
        } catch (IOException | InterruptedException e) {
            synchronized (this) {
                end();
            }
        }
    }

    private void accept(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                emit();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }

    private void emit() {
        long arrival = System.nanoTime();
        output.addUntagged(new OutputLine(clock.at(arrival), OutputLine.UNKNOWN_THREAD, OutputLine.Source.UNTAGGED,
                line.toString(StandardCharsets.UTF_8)), arrival);
        line.reset();
    }

    private void end() {
        if (!ended && line.size() > 0) {
            emit();
        }
        ended = true;
    }
}
