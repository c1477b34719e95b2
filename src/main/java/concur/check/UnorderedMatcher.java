package concur.check;

import concur.check.BlockMatch.Way;
import concur.check.Element.ExpectedLine;
import concur.check.Element.Line;
import concur.check.Element.Unordered;
import concur.check.LinePattern.Matched;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs each line of an unordered block with a different one of as many output lines. A depth-first
 * search over the expected lines in written order, not a greedy one: {@code {any}} may take the line
 * a literal needs. States already tried are skipped, and without captures the first pairing is enough.
 */
final class UnorderedMatcher {
    private record State(int line, long used, Bindings bindings) {}

    private final Unordered block;
    private final List<String> window;
    private final Budget budget;
    private final boolean binds;
    private final ExpectedLine[] pairing;
    private final Map<Bindings, Way> ways = new LinkedHashMap<>();
    private final Set<State> tried = new HashSet<>();
    private int deepest = -1;
    private long usedAtDeepest;

    private UnorderedMatcher(Unordered block, List<String> window, Budget budget) {
        this.block = block;
        this.window = window;
        this.budget = budget;
        this.binds = block.lines().stream().anyMatch(line -> line.pattern().binds());
        this.pairing = new ExpectedLine[window.size()];
    }

    /** Matches {@code block} against {@code window}, the output lines from its position on (fewer if the output ended). */
    static BlockMatch match(Unordered block, List<String> window, Bindings bindings, Budget budget) {
        UnorderedMatcher matcher = new UnorderedMatcher(block, window, budget);
        matcher.pair(0, 0L, bindings);
        return matcher.ways.isEmpty()
                ? new BlockMatch(List.of(), matcher.failure())
                : new BlockMatch(List.copyOf(matcher.ways.values()), null);
    }

    /** Pairs expected line {@code e} with each free output line it matches, then goes on with the next line. */
    private void pair(int e, long used, Bindings bindings) {
        if (e == block.lines().size()) {
            ways.putIfAbsent(bindings, new Way(bindings, List.of(pairing)));
            return;
        }
        if ((!binds && !ways.isEmpty()) || !tried.add(new State(e, used, bindings))) {
            return;
        }
        budget.spend();
        if (e > deepest) {
            deepest = e;
            usedAtDeepest = used;
        }
        Line line = block.lines().get(e);
        for (int a = 0; a < window.size(); a++) {
            if ((used & 1L << a) == 0 && line.pattern().match(window.get(a), bindings) instanceof Matched m) {
                pairing[a] = line.shown();
                pair(e + 1, used | 1L << a, m.bindings());
            }
        }
    }

    /**
     * Names the first expected line that found no partner, however the lines before it were paired,
     * and the output lines that none of the lines still unpaired could take.
     */
    private String failure() {
        List<Line> unpaired = block.lines().subList(deepest, block.lines().size());
        List<String> left = new ArrayList<>();
        for (int a = 0; a < window.size(); a++) {
            String text = window.get(a);
            if ((usedAtDeepest & 1L << a) == 0
                    && unpaired.stream().noneMatch(line -> line.pattern().resembles(text))) {
                left.add(Quote.of(text));
            }
        }
        List<String> notes = new ArrayList<>();
        if (!left.isEmpty()) {
            notes.add("left over: " + String.join(", ", left));
        }
        if (window.size() < block.lines().size()) {
            notes.add("the output ended after %d of the block's %d lines"
                    .formatted(window.size(), block.lines().size()));
        }
        ExpectedLine missing = block.lines().get(deepest).shown();
        return "line %d: unordered block (lines %d-%d): no output line is left to match %s%s"
                .formatted(
                        missing.line(),
                        block.open(),
                        block.end(),
                        Quote.of(missing.text()),
                        notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
    }
}
