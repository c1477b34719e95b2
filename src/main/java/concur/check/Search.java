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
    /** And this long at most, whatever a step costs (a step that binds many names copies them all). */
    private static final Duration TIME = Duration.ofSeconds(3);
    /** Expectations up to this many elements search on the caller's stack, which holds them with room to spare. */
    private static final int ELEMENTS_ON_CALLERS_STACK = 200;
    /** A search frame chain costs under a kilobyte per element; four leave room for the regex engine's own recursion. */
    private static final long STACK_PER_ELEMENT = 4_096;

    private static final long STACK_BASE = 4L << 20;

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

    /** Where one expected text resembles the output: {@code resembling} is known at the {@code checked} positions. */
    private record Shape(BitSet checked, BitSet resembling) {}

    /** A {@code ...} element with the bindings it was entered with. */
    private record Gap(int element, Bindings bindings) {}

    private final List<Element> elements;
    private final List<OutputLine> output;
    private final List<String> texts;
    private final Duration total;
    private final int lastLine;
    private final Budget budget = new Budget(STEPS, TIME);
    private final Set<State> visited = new HashSet<>();
    /** For each {@code ...}: the earliest position from which it failed, and so failed for every later one. */
    private final Map<Gap, Integer> failedFrom = new HashMap<>();
    /**
     * For each expected text that follows a {@code ...}: the output positions checked so far, and those
     * where it could start. Keyed by text, so that a line written a thousand times is checked once per
     * position, and filled in only as far as the search looks.
     */
    private final Map<String, Shape> shapes = new HashMap<>();
    /**
     * For each element: the next {@code ...} reached through lines that bind no name and elapsed checks
     * only (else -1), and how many output lines those lines take. When that {@code ...} has failed from a
     * position, the element cannot succeed from any position that reaches it there or later.
     */
    private final int[] nextGap;

    private final int[] widthToGap;
    private Failure furthest;
    private Alignment found;
    /** The element the search is at: where it stood when the budget ran out. */
    private int current;

    /** {@code lastLine} is the expected block's last line, for the message about extra output. */
    Search(List<Element> elements, List<OutputLine> output, Duration total, int lastLine) {
        this.elements = elements;
        this.output = output;
        this.texts = output.stream().map(OutputLine::text).toList();
        this.total = total;
        this.lastLine = lastLine;
        this.nextGap = new int[elements.size() + 1];
        this.widthToGap = new int[elements.size() + 1];
        nextGap[elements.size()] = -1;
        for (int i = elements.size() - 1; i >= 0; i--) {
            int width = fixedWidth(elements.get(i));
            nextGap[i] = elements.get(i) instanceof Ellipsis ? i : width < 0 ? -1 : nextGap[i + 1];
            widthToGap[i] = elements.get(i) instanceof Ellipsis || width < 0 ? 0 : widthToGap[i + 1] + width;
        }
    }

    /**
     * How many output lines an element takes whenever it matches, when that is fixed and matching it
     * binds nothing (a name, a thread variable); else -1.
     */
    private static int fixedWidth(Element element) {
        return switch (element) {
            case Line line -> line.pattern().binds() ? -1 : 1;
            case Elapsed elapsed -> 0;
            case Unordered block ->
                block.lines().stream().anyMatch(l -> l.pattern().binds())
                        ? -1
                        : block.lines().size();
            case PerThread block ->
                block.lines().stream()
                                .anyMatch(l ->
                                        l.isVariable() || l.line().pattern().binds())
                        ? -1
                        : block.lines().size();
            case Ellipsis ellipsis -> -1;
        };
    }

    /**
     * Searches. The search recurses once or twice per element after a {@code ...} or a block, so an
     * expectation with thousands of them gets a thread with a stack of its size; a short one, the usual
     * kind, runs on the caller's.
     */
    Result run() {
        if (elements.size() <= ELEMENTS_ON_CALLERS_STACK) {
            return runHere();
        }
        return onOwnStack(STACK_BASE + STACK_PER_ELEMENT * elements.size(), this::runHere);
    }

    private Result runHere() {
        try {
            return search(0, 0, Bindings.NONE, Alignment.START)
                    ? new Found(found)
                    : new NotFound(Objects.requireNonNull(furthest));
        } catch (Budget.Exhausted e) {
            String gaveUp = ("line %d: gave up: there are too many ways to match these %d output lines "
                            + "(fewer \"...\" or named placeholders would help)")
                    .formatted(lineOf(current), output.size());
            return new NotFound(
                    furthest == null
                            ? new Failure(0, false, 0, gaveUp, Alignment.START)
                            : new Failure(
                                    furthest.element(),
                                    furthest.nearMiss(),
                                    furthest.at(),
                                    gaveUp + "; the furthest it got: " + furthest.message(),
                                    furthest.alignment()));
        } catch (StackOverflowError e) {
            // The stack was sized for the expectation; should a JVM's frames be larger still, say so, not crash.
            String tooDeep =
                    "line %d: the expected block has too many \"...\" and blocks to follow (%d parts); split the step"
                            .formatted(lineOf(current), elements.size());
            return new NotFound(new Failure(current, false, 0, tooDeep, Alignment.START));
        }
    }

    /** Runs {@code work} on a thread with a stack of {@code bytes}, and waits for it however often interrupted: it is bounded. */
    private static Result onOwnStack(long bytes, Supplier<Result> work) {
        Result[] result = new Result[1];
        RuntimeException[] thrown = new RuntimeException[1];
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        result[0] = work.get();
                    } catch (RuntimeException e) {
                        thrown[0] = e;
                    }
                },
                "concur-match",
                bytes);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thrown[0] != null) {
            throw thrown[0];
        }
        return result[0];
    }

    /** Whether elements from {@code i} on match the output from {@code at} on. */
    private boolean search(int i, int at, Bindings bindings, Alignment alignment) {
        if (!visited.add(new State(i, at, bindings))) {
            return false;
        }
        current = i;
        budget.spend();
        if (i == elements.size()) {
            return end(at, alignment);
        }
        return switch (elements.get(i)) {
            case Line line -> lines(i, at, bindings, alignment);
            case Ellipsis ellipsis -> ellipsis(i, ellipsis, at, bindings, alignment);
            case Elapsed elapsed -> elapsed(i, elapsed, at, bindings, alignment);
            case Unordered block ->
                block(
                        i,
                        at,
                        bindings,
                        alignment,
                        UnorderedMatcher.match(block, window(at, block.lines().size(), texts), bindings, budget));
            case PerThread block ->
                block(
                        i,
                        at,
                        bindings,
                        alignment,
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
        return fail(
                elements.size(),
                false,
                at,
                alignment,
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
                return fail(
                        i,
                        false,
                        at,
                        alignment,
                        () -> "line %d: expected %s but the output ended".formatted(number, Quote.of(expected)));
            }
            String actual = texts.get(at);
            switch (line.pattern().match(actual, bindings)) {
                case Matched m -> {
                    bindings = m.bindings();
                    alignment = alignment.then(at, List.of(line.shown()));
                }
                case Failed f -> {
                    return fail(
                            i,
                            f.reason().isPresent(),
                            at,
                            alignment,
                            () -> "line %d: %s"
                                    .formatted(
                                            number,
                                            f.reason()
                                                    .orElse("expected %s but got %s"
                                                            .formatted(
                                                                    Quote.of(ExpectedWords.line(expected)),
                                                                    Quote.of(actual)))));
                }
            }
        }
        return search(i, at, bindings, alignment);
    }

    /** Swallows no lines, then more and more: the first match found is the one with the shortest gaps. */
    private boolean ellipsis(int i, Ellipsis ellipsis, int at, Bindings bindings, Alignment alignment) {
        Gap gap = new Gap(i, bindings);
        int stop = failedFrom.getOrDefault(gap, output.size() + 1);
        // Hopelessness only grows with k: checked before looking for the next start, it spares that scan too.
        for (int from = at; from < stop && !hopeless(i + 1, from, bindings); ) {
            int k = nextStart(i + 1, from);
            if (k >= stop || hopeless(i + 1, k, bindings)) {
                break;
            }
            if (search(i + 1, k, bindings, alignment.then(at, Collections.nCopies(k - at, ellipsis.shown())))) {
                return true;
            }
            from = k + 1;
        }
        failedFrom.merge(gap, at, Math::min);
        return false;
    }

    /**
     * Whether element {@code i} is sure to fail from output position {@code k}: the {@code ...} it leads to,
     * with the same bindings, has failed from where it would be reached or before. Without this, each of
     * many {@code ...} would try every position again once a later one failed.
     */
    private boolean hopeless(int i, int k, Bindings bindings) {
        int gap = nextGap[i];
        if (gap < 0) {
            return false;
        }
        Integer failed = failedFrom.get(new Gap(gap, bindings));
        return failed != null && k + widthToGap[i] >= failed;
    }

    /** The expected line where element {@code i} starts, or the block's last line past the end. */
    private int lineOf(int i) {
        if (i >= elements.size()) {
            return lastLine;
        }
        return switch (elements.get(i)) {
            case Line line -> line.shown().line();
            case Ellipsis ellipsis -> ellipsis.shown().line();
            case Elapsed elapsed -> elapsed.line();
            case Unordered block -> block.open();
            case PerThread block -> block.open();
        };
    }

    /**
     * The first position from {@code k} on where element {@code i} could start. Only a line can rule
     * positions out; the end of the output stays in, so that "expected ... but the output ended" is said.
     */
    private int nextStart(int i, int k) {
        if (k > output.size() || i == elements.size() || !(elements.get(i) instanceof Line line)) {
            return k;
        }
        Shape shape = shapes.computeIfAbsent(line.shown().text(), text -> new Shape(new BitSet(), new BitSet()));
        for (int a = k; a < output.size(); a++) {
            int unchecked = shape.checked().nextClearBit(a);
            int hit = shape.resembling().nextSetBit(a);
            if (hit >= 0 && hit < unchecked) {
                return hit;
            }
            a = unchecked;
            if (a >= output.size()) {
                break;
            }
            shape.checked().set(a);
            if (line.pattern().resembles(texts.get(a))) {
                shape.resembling().set(a);
                return a;
            }
        }
        return output.size();
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
        return fail(
                next,
                true,
                at,
                alignment,
                () -> "line %d: %s elapsed between %s and %s, expected %s"
                        .formatted(
                                elapsed.line(),
                                elapsed.bound().format(until.minus(since)),
                                before,
                                after,
                                elapsed.bound()));
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
