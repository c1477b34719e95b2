package concur.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Gathers an example's lines from its three channels with bounded memory: the first {@code limit}
 * lines, up to {@link #MAX_KEPT_CHARS} characters in all, are kept for matching, the last few for
 * showing where a run ended, the rest only counted. Each line is at most {@link Wire#MAX_LINE_BYTES}
 * long as printed (its sources cut it), so whatever an example prints, this holds a few megabytes.
 */
final class OutputCollector {
    static final int LAST_LINES = 20;
    /** 10,000 lines of 400 characters; at most 8 MB. No lesson prints a tenth of that. */
    static final long MAX_KEPT_CHARS = 4_000_000;

    private final int limit;
    private final Consumer<OutputLine> live;
    private final RunClock clock;
    private final List<Kept> kept = new ArrayList<>();
    private final Deque<OutputLine> last = new ArrayDeque<>();
    private long keptChars;
    private boolean full;
    private long total;
    private long bytesNotShown;
    private Optional<String> brokenChannel = Optional.empty();

    /** @param clock maps concur's clock onto the harness's, to time untagged lines */
    OutputCollector(int limit, Consumer<OutputLine> live, RunClock clock) {
        this.limit = limit;
        this.live = live;
        this.clock = clock;
    }

    /**
     * A tagged line, stamped by the harness with the time it was printed.
     *
     * @param bytes how long its text was as printed
     * @param cut   how many more bytes the line had, not sent
     */
    synchronized void add(OutputLine line, int bytes, long cut) {
        add(line, bytes, cut, 0);
    }

    /**
     * An untagged line, which reached concur at {@code arrival} (concur's clock). Such bytes carry no
     * time of their own, so they keep their place in the order of arrival: the runner reads them just
     * before each batch of tagged lines, so what a grandchild wrote before its parent printed comes first.
     */
    synchronized void addUntagged(OutputLine line, int bytes, long cut, long arrival) {
        add(line, bytes, cut, arrival);
    }

    /** The tag channel carried a record no harness writes; what follows it is not shown. The first reason is kept. */
    synchronized void brokenChannel(String why) {
        brokenChannel = brokenChannel.or(() -> Optional.of(why));
    }

    /** Bytes that were never read as lines: those after a broken record. */
    synchronized void notShown(long bytes) {
        bytesNotShown += bytes;
    }

    private void add(OutputLine line, int bytes, long cut, long arrival) {
        if (cut > 0) {
            bytesNotShown += cut;
            line = new OutputLine(
                    line.elapsed(),
                    line.thread(),
                    line.source(),
                    line.text() + String.format(Locale.ROOT, " … (%,d more bytes not shown)", cut));
        }
        total++;
        full = full || kept.size() >= limit || keptChars + line.text().length() > MAX_KEPT_CHARS;
        if (full) {
            bytesNotShown += bytes; // once a line is left out, so is every later one: the kept lines have no gaps
        } else {
            kept.add(new Kept(line, arrival));
            keptChars += line.text().length();
            live.accept(line);
        }
        last.addLast(line);
        if (last.size() > LAST_LINES) {
            last.removeFirst();
        }
    }

    /** The kept lines in the order they were printed, untagged ones timed by the clock's best estimate. */
    synchronized List<OutputLine> kept() {
        List<OutputLine> lines = new ArrayList<>(kept.size());
        for (Kept k : kept) {
            OutputLine l = k.line();
            lines.add(
                    l.source() == OutputLine.Source.UNTAGGED
                            ? new OutputLine(clock.at(k.arrival()), l.thread(), l.source(), l.text())
                            : l);
        }
        return lines;
    }

    private record Kept(OutputLine line, long arrival) {}

    synchronized List<OutputLine> last() {
        return List.copyOf(last);
    }

    synchronized long total() {
        return total;
    }

    synchronized RunResult.NotShown notShown() {
        return new RunResult.NotShown(bytesNotShown, brokenChannel);
    }
}
