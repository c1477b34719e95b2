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
    private final List<OutputLine> kept = new ArrayList<>();
    private final Deque<OutputLine> last = new ArrayDeque<>();
    private long total;

    OutputCollector(int limit, Consumer<OutputLine> live) {
        this.limit = limit;
        this.live = live;
    }

    synchronized void add(OutputLine line) {
        if (line.text().length() > MAX_LINE_CHARS) {
            int cut = line.text().length() - MAX_LINE_CHARS;
            line = new OutputLine(line.elapsed(), line.thread(), line.source(),
                    line.text().substring(0, MAX_LINE_CHARS) + " … (" + cut + " more characters)");
        }
        total++;
        if (kept.size() < limit) {
            kept.add(placeFor(line), line);
            live.accept(line);
        }
        last.addLast(line);
        if (last.size() > LAST_LINES) {
            last.removeFirst();
        }
    }

    /**
     * Tagged lines reach concur a little later than bytes written straight to the child's stdout; a
     * tagged line goes before untagged lines that arrived first but were printed after it.
     */
    private int placeFor(OutputLine line) {
        int at = kept.size();
        if (line.source() == OutputLine.Source.UNTAGGED) {
            return at;
        }
        while (at > 0 && kept.get(at - 1).source() == OutputLine.Source.UNTAGGED
                && kept.get(at - 1).elapsed().compareTo(line.elapsed()) > 0) {
            at--;
        }
        return at;
    }

    synchronized List<OutputLine> kept() {
        return List.copyOf(kept);
    }

    synchronized List<OutputLine> last() {
        return List.copyOf(last);
    }

    synchronized long total() {
        return total;
    }
}
