package concur.check;

import concur.check.BlockMatch.Way;
import concur.check.Element.Elapsed;
import concur.check.Element.Ellipsis;
import concur.check.Element.Line;
import concur.check.Element.PerThread;
import concur.check.Element.Unordered;
import concur.check.LinePattern.Failed;
import concur.check.LinePattern.Matched;
import concur.run.OutputLine;
import java.time.Duration;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Looks for a way to match the output lines against the elements of an expectation, by backtracking.
 *
 * <p>A state is (element, output position, bindings). Success ends the search, so a state met a
 * second time has failed before and is skipped. A {@code ...} tries only the positions where the
 * line after it could start, and stops where the same {@code ...} failed before: with several of
 * them that keeps the work near elements times output lines, not the number of ways to split the output.
 *
 * <p>When nothing matches, the failure reported is the one that got furthest: at the latest element;
 * then a near miss (the line had the right shape but a capture, a bound or a time was wrong) over a
 * plain mismatch; then at the latest output line. Among equals, the first one found.
 */
final class Search {
    /** Enough for hundreds of elements against 10,000 lines; only pathological captures get near it. */
    private static final int STEPS = 300_000;

    /** The result of a search. */
    sealed interface Result {}

    /** A match, and how the output lines pair with expected lines. */
    record Found(Alignment alignment) implements Result {}

    /** No match; the failure to report. */
    record NotFound(Failure failure) implements Result {}

    /**
     * A point where matching failed.
     *
     * @param element   the element that did not match (the element count when output was left over)
     * @param nearMiss  whether the output line had the expected shape but something else was wrong
     * @param at        the output position
     * @param message   the sentence for the learner
     * @param alignment the output lines before {@code at}, paired with what they matched
     */
    record Failure(int element, boolean nearMiss, int at, String message, Alignment alignment) {
        /** Whether a failure at these coordinates got further than this one. */
        boolean isBefore(int element, boolean nearMiss, int at) {
            if (element != this.element) {
                return element > this.element;
            }
            return nearMiss != this.nearMiss ? nearMiss : at > this.at;
        }
    }

    private record State(int element, int at, Bindings bindings) {}

    /** A {@code ...} element with the bindings it was entered with. */
    private record Gap(int element, Bindings bindings) {}

    private final List<Element> elements;
    private final List<OutputLine> output;
    private final List<String> texts;
    private final Duration total;
    private final int lastLine;
    private final Budget budget = new Budget(STEPS);
    private final Set<State> visited = new HashSet<>();
    /** For each {@code ...}: the earliest position from which it failed, and so failed for every later one. */
    private final Map<Gap, Integer> failedFrom = new HashMap<>();
    /** For each line that follows a {@code ...}: the positions where it could start, plus the end of the output. */
    private final Map<Integer, BitSet> starts = new HashMap<>();
    private Failure furthest;
    private Alignment found;

    /** {@code lastLine} is the expected block's last line, for the message about extra output. */
    Search(List<Element> elements, List<OutputLine> output, Duration total, int lastLine) {
        this.elements = elements;
        this.output = output;
        this.texts = output.stream().map(OutputLine::text).toList();
        this.total = total;
        this.lastLine = lastLine;
    }

    Result run() {
        try {
            return search(0, 0, Bindings.NONE, Alignment.START)
                    ? new Found(found)
                    : new NotFound(Objects.requireNonNull(furthest));
        } catch (Budget.Exhausted e) {
            String gaveUp = ("gave up: there are too many ways to match these %d output lines "
                    + "(fewer \"...\" or named placeholders would help)").formatted(output.size());
            return new NotFound(furthest == null
                    ? new Failure(0, false, 0, gaveUp, Alignment.START)
                    : new Failure(furthest.element(), furthest.nearMiss(), furthest.at(),
                            gaveUp + "; the furthest it got: " + furthest.message(), furthest.alignment()));
        }
    }

    /** Whether elements from {@code i} on match the output from {@code at} on. */
    private boolean search(int i, int at, Bindings bindings, Alignment alignment) {
        if (!visited.add(new State(i, at, bindings))) {
            return false;
        }
        budget.spend();
        if (i == elements.size()) {
            return end(at, alignment);
        }
        return switch (elements.get(i)) {
            case Line line -> lines(i, at, bindings, alignment);
            case Ellipsis ellipsis -> ellipsis(i, ellipsis, at, bindings, alignment);
            case Elapsed elapsed -> elapsed(i, elapsed, at, bindings, alignment);
            case Unordered block -> block(i, at, bindings, alignment,
                    UnorderedMatcher.match(block, window(at, block.lines().size(), texts), bindings, budget));
            case PerThread block -> block(i, at, bindings, alignment,
                    PerThreadMatcher.match(block, window(at, block.lines().size(), output), bindings, budget));
        };
    }

    private boolean end(int at, Alignment alignment) {
        if (at == output.size()) {
            found = alignment;
            return true;
        }
        String ended = elements.isEmpty()
                ? "the expectation is that there is no output"
                : "the expectation ended at line " + lastLine;
        return fail(elements.size(), false, at, alignment,
                () -> "output line %d %s is extra: %s".formatted(at + 1, Quote.of(texts.get(at)), ended));
    }

    /**
     * Follows a run of lines. It has only one way to match, so a loop does it rather than recursion,
     * which a block of thousands of lines would overflow.
     */
    private boolean lines(int i, int at, Bindings bindings, Alignment alignment) {
        for (; i < elements.size() && elements.get(i) instanceof Line line; i++, at++) {
            String expected = line.shown().text();
            int number = line.shown().line();
            if (at == output.size()) {
                return fail(i, false, at, alignment,
                        () -> "line %d: expected %s but the output ended".formatted(number, Quote.of(expected)));
            }
            String actual = texts.get(at);
            switch (line.pattern().match(actual, bindings)) {
                case Matched m -> {
                    bindings = m.bindings();
                    alignment = alignment.then(at, List.of(line.shown()));
                }
                case Failed f -> {
                    return fail(i, f.reason().isPresent(), at, alignment, () -> "line %d: %s".formatted(number,
                            f.reason().orElse("expected %s but got %s".formatted(Quote.of(expected), Quote.of(actual)))));
                }
            }
        }
        return search(i, at, bindings, alignment);
    }

    /** Swallows no lines, then more and more: the first match found is the one with the shortest gaps. */
    private boolean ellipsis(int i, Ellipsis ellipsis, int at, Bindings bindings, Alignment alignment) {
        Gap gap = new Gap(i, bindings);
        int stop = failedFrom.getOrDefault(gap, output.size() + 1);
        for (int k = nextStart(i + 1, at); k < stop; k = nextStart(i + 1, k + 1)) {
            if (search(i + 1, k, bindings, alignment.then(at, Collections.nCopies(k - at, ellipsis.shown())))) {
                return true;
            }
        }
        failedFrom.merge(gap, at, Math::min);
        return false;
    }

    /**
     * The first position from {@code k} on where element {@code i} could start. Only a line can rule
     * positions out; the end of the output stays in, so that "expected ... but the output ended" is said.
     */
    private int nextStart(int i, int k) {
        if (k > output.size() || i == elements.size() || !(elements.get(i) instanceof Line line)) {
            return k;
        }
        BitSet possible = starts.computeIfAbsent(i, unused -> {
            BitSet positions = new BitSet(output.size() + 1);
            for (int a = 0; a < output.size(); a++) {
                positions.set(a, line.pattern().resembles(texts.get(a)));
            }
            positions.set(output.size());
            return positions;
        });
        return possible.nextSetBit(k);
    }

    private boolean elapsed(int i, Elapsed elapsed, int at, Bindings bindings, Alignment alignment) {
        Duration since = at == 0 ? Duration.ZERO : output.get(at - 1).elapsed();
        Duration until = at == output.size() ? total : output.get(at).elapsed();
        if (elapsed.bound().admits(until.minus(since))) {
            return search(i + 1, at, bindings, alignment);
        }
        int next = i + 1;
        while (next < elements.size() && elements.get(next) instanceof Elapsed) {
            next++;
        }
        if (!startsHere(next, at)) {
            // The line after is wrong anyway: say that rather than talk about time.
            return search(next, at, bindings, alignment);
        }
        String before = at == 0 ? "the start of main" : Quote.of(texts.get(at - 1));
        String after = at == output.size() ? "the end of the run" : Quote.of(texts.get(at));
        return fail(next, true, at, alignment, () -> "line %d: %s elapsed between %s and %s, expected %s".formatted(
                elapsed.line(), elapsed.bound().format(until.minus(since)), before, after, elapsed.bound()));
    }

    /** Whether element {@code i} could begin at output position {@code at}, judging by that line's shape alone. */
    private boolean startsHere(int i, int at) {
        if (i == elements.size()) {
            return at == output.size();
        }
        return !(elements.get(i) instanceof Line line)
                || at < output.size() && line.pattern().resembles(texts.get(at));
    }

    private boolean block(int i, int at, Bindings bindings, Alignment alignment, BlockMatch match) {
        if (match.ways().isEmpty()) {
            return fail(i, false, at, alignment, match::failure);
        }
        for (Way way : match.ways()) {
            int end = at + way.pairing().size();
            if (search(i + 1, end, way.bindings(), alignment.then(at, way.pairing()))) {
                return true;
            }
        }
        return false;
    }

    private <T> List<T> window(int at, int size, List<T> lines) {
        return lines.subList(at, Math.min(at + size, lines.size()));
    }

    /**
     * Keeps the failure if it got further than any before; always false, for {@code return fail(...)}.
     * The message is made only then: most failures of a search are passed over.
     */
    private boolean fail(int element, boolean nearMiss, int at, Alignment alignment, Supplier<String> message) {
        if (furthest == null || furthest.isBefore(element, nearMiss, at)) {
            furthest = new Failure(element, nearMiss, at, message.get(), alignment);
        }
        return false;
    }
}
