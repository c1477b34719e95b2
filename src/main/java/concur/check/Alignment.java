package concur.check;

import concur.check.Element.ExpectedLine;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The pairing of output lines with expected lines found so far, newest link first: the output lines
 * from {@code from} on, each with the expected line at the same offset of {@code expected}. Links are
 * immutable and shared between branches of the search, so keeping one for a failure costs nothing.
 */
record Alignment(Alignment previous, int from, List<ExpectedLine> expected) {
    static final Alignment START = new Alignment(null, 0, List.of());

    Alignment then(int from, List<ExpectedLine> expected) {
        return new Alignment(this, from, expected);
    }

    /** The output position after the last line paired so far. */
    int end() {
        return from + expected.size();
    }

    /** The links oldest first. */
    List<Alignment> links() {
        Deque<Alignment> links = new ArrayDeque<>();
        for (Alignment link = this; link != null; link = link.previous()) {
            links.addFirst(link);
        }
        return List.copyOf(links);
    }
}
