package concur.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gathers an example's lines from its three channels with bounded memory: the first {@code limit}
 * lines are kept for matching, the last few for showing where a run ended, the rest only counted.
 */
final class OutputCollector {
    static final int LAST_LINES = 20;
    static final int MAX_LINE_CHARS = 4_000;

    private final int limit;
    private final Consumer<OutputLine> live;
    private final List<Kept> kept = new ArrayList<>();
    private final Deque<OutputLine> last = new ArrayDeque<>();
    private long total;

    private final RunClock clock;

    /** @param clock maps concur's clock onto the harness's, to time untagged lines */
    OutputCollector(int limit, Consumer<OutputLine> live, RunClock clock) {
        this.limit = limit;
        this.live = live;
        this.clock = clock;
    }

    /** A tagged line, stamped by the harness with the time it was printed. */
    synchronized void add(OutputLine line) {
        add(line, 0);
    }

    /**
     * An untagged line, which reached concur at {@code arrival} (concur's clock). Such bytes carry no
     * time of their own, so they keep their place in the order of arrival: the runner reads them just
     * before each tagged line, so what a grandchild wrote before its parent printed comes first.
     */
    synchronized void addUntagged(OutputLine line, long arrival) {
        add(line, arrival);
    }

    private void add(OutputLine line, long arrival) {
        if (line.text().length() > MAX_LINE_CHARS) {
            int cut = line.text().length() - MAX_LINE_CHARS;
            line = new OutputLine(line.elapsed(), line.thread(), line.source(),
                    line.text().substring(0, MAX_LINE_CHARS) + " … (" + cut + " more characters)");
        }
        total++;
        if (kept.size() < limit) {
            kept.add(new Kept(line, arrival));
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
            lines.add(l.source() == OutputLine.Source.UNTAGGED ? new OutputLine(clock.at(k.arrival()), l.thread(), l.source(), l.text()) : l);
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
}
