package concur.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One of the child's own pipes: bytes that did not pass through the harness (a grandchild's
 * inherited stdout, or the JVM's own errors). It is read only under its lock, and drained just
 * before each batch of tagged lines is recorded, so a grandchild's output lands before the lines its
 * parent printed after it, whichever reader thread the scheduler favours.
 *
 * <p>Like the harness, it keeps at most {@link Wire#MAX_LINE_BYTES} of a line and counts the rest, so a
 * grandchild that writes 500 MB without a newline costs concur a few kilobytes.
 */
final class RawStream {
    private final InputStream in;
    private final OutputCollector output;
    private final RunClock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] chunk = new byte[1 << 16]; // reused: a flood of bytes makes no garbage here
    private final byte[] line = new byte[Wire.MAX_LINE_BYTES];
    private int size;
    private long cut;
    private boolean ended;

    RawStream(InputStream in, OutputCollector output, RunClock clock) {
        this.in = in;
        this.output = output;
        this.clock = clock;
    }

    /**
     * Takes whatever has arrived, without blocking: every 2 ms, and just before each batch of tagged
     * lines is recorded. Once {@link #pump} reads the rest, this does nothing.
     *
     * @return whether any bytes came
     */
    boolean drain() {
        if (!lock.tryLock()) {
            return false;
        }
        boolean came = false;
        try {
            for (int n; !ended && (n = in.available()) > 0; came = true) {
                int read = in.read(chunk, 0, Math.min(n, chunk.length));
                if (read < 0) {
                    end();
                } else {
                    accept(chunk, read);
                }
            }
        } catch (IOException e) {
            end();
        } finally {
            lock.unlock();
        }
        return came;
    }

    /** Polls while the process lives (so {@link #drain} never races a blocked read), then reads to the end. */
    void pump(Process process) {
        try {
            while (process.isAlive()) {
                drain();
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lock.lock();
        try {
            for (int n; !Thread.currentThread().isInterrupted() && (n = in.read(chunk)) != -1; ) {
                accept(chunk, n); // ends once the process group is gone
            }
        } catch (IOException e) {
            // the end either way
        } finally {
            end();
            lock.unlock();
        }
    }

    private void accept(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                emit();
            } else if (b == '\r') {
                // dropped, as the harness does: CRLF is a line end, and a lone CR rewrites a terminal row
            } else if (size < line.length) {
                line[size++] = b;
            } else {
                cut++;
            }
        }
    }

    private void emit() {
        long arrival = System.nanoTime();
        int length = Wire.characterBoundary(line, 0, size);
        OutputLine untagged = new OutputLine(
                clock.at(arrival),
                OutputLine.UNKNOWN_THREAD,
                OutputLine.Source.UNTAGGED,
                new String(line, 0, length, StandardCharsets.UTF_8));
        output.addUntagged(untagged, length, cut + size - length, arrival);
        size = 0;
        cut = 0;
    }

    private void end() {
        if (!ended && (size > 0 || cut > 0)) {
            emit();
        }
        ended = true;
    }
}
