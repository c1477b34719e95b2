package concur.check;

import concur.check.BlockMatch.Way;
import concur.check.Element.ExpectedLine;
import concur.check.Element.PerThread;
import concur.check.Element.ThreadLine;
import concur.check.LinePattern.Failed;
import concur.check.LinePattern.Matched;
import concur.run.OutputLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a per-thread block: the block's output lines are grouped by thread, and each thread's lines
 * must match the lines of its label, in order. Labels name a thread, or are variables ({@code $a}) that
 * stand for distinct threads the block does not name; every way of giving threads to the variables not
 * bound by an earlier block is tried (there are few).
 */
final class PerThreadMatcher {
    /** Something wrong with one way of matching the block; {@code line} orders problems, first is reported. */
    private record Problem(int line, String text) {}

    private final PerThread block;
    private final List<OutputLine> window;
    private final Bindings bindings;
    private final Budget budget;
    private final Map<String, List<ThreadLine>> linesOf = new LinkedHashMap<>();
    private final Map<String, List<Integer>> printedBy = new LinkedHashMap<>();
    private final List<String> unbound = new ArrayList<>();
    private final List<String> candidates = new ArrayList<>();
    private final Map<Bindings, Way> ways = new LinkedHashMap<>();
    private Problem best;

    private PerThreadMatcher(PerThread block, List<OutputLine> window, Bindings bindings, Budget budget) {
        this.block = block;
        this.window = window;
        this.bindings = bindings;
        this.budget = budget;
        for (ThreadLine line : block.lines()) {
            linesOf.computeIfAbsent(line.label(), label -> new ArrayList<>()).add(line);
        }
        for (int a = 0; a < window.size(); a++) {
            printedBy
                    .computeIfAbsent(window.get(a).thread(), thread -> new ArrayList<>())
                    .add(a);
        }
        for (String label : linesOf.keySet()) {
            if (label.startsWith("$") && bindings.get(label).isEmpty()) {
                unbound.add(label);
            }
        }
        for (String thread : printedBy.keySet()) {
            if (!linesOf.containsKey(thread) && !bindings.holdsThread(thread)) {
                candidates.add(thread);
            }
        }
    }

    /** Matches {@code block} against {@code window}, the output lines from its position on (fewer if the output ended). */
    static BlockMatch match(PerThread block, List<OutputLine> window, Bindings bindings, Budget budget) {
        PerThreadMatcher matcher = new PerThreadMatcher(block, window, bindings, budget);
        Map<String, String> threadOf = new HashMap<>();
        for (String label : matcher.linesOf.keySet()) {
            threadOf.put(label, label.startsWith("$") ? bindings.get(label).orElse(null) : label);
        }
        matcher.assign(0, threadOf);
        return matcher.ways.isEmpty()
                ? new BlockMatch(
                        List.of(),
                        "line %d: per-thread block (lines %d-%d): %s"
                                .formatted(matcher.best.line(), block.open(), block.end(), matcher.best.text()))
                : new BlockMatch(List.copyOf(matcher.ways.values()), null);
    }

    /** Gives variable {@code v} (and then the rest) each thread still free; with none free it stays without one. */
    private void assign(int v, Map<String, String> threadOf) {
        if (v == unbound.size()) {
            check(threadOf);
            return;
        }
        String variable = unbound.get(v);
        boolean assigned = false;
        for (String thread : candidates) {
            if (!threadOf.containsValue(thread)) {
                assigned = true;
                threadOf.put(variable, thread);
                assign(v + 1, threadOf);
                threadOf.put(variable, null);
            }
        }
        if (!assigned) {
            assign(v + 1, threadOf);
        }
    }

    /** Checks one way of giving threads to labels: an way if it matches, else a candidate for the failure. */
    private void check(Map<String, String> threadOf) {
        budget.spend();
        Bindings matched = bindings;
        for (String variable : unbound) {
            if (threadOf.get(variable) != null) {
                matched = matched.with(variable, threadOf.get(variable));
            }
        }
        ExpectedLine[] pairing = new ExpectedLine[window.size()];
        List<Problem> problems = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        for (Map.Entry<String, List<ThreadLine>> entry : linesOf.entrySet()) {
            String label = entry.getKey();
            List<ThreadLine> expected = entry.getValue();
            String thread = threadOf.get(label);
            int firstLine = expected.get(0).shown().line();
            if (thread == null) {
                problems.add(new Problem(
                        firstLine,
                        "no other thread is left for [%s] to print %s"
                                .formatted(label, Quote.of(body(expected.get(0))))));
            } else if (!covered.add(thread)) {
                problems.add(new Problem(
                        firstLine,
                        "[%s] stands for thread %s, which the block names too".formatted(label, Quote.of(thread))));
            } else {
                matched = follow(label, thread, expected, matched, pairing, problems);
            }
        }
        printedBy.forEach((thread, printed) -> {
            if (!covered.contains(thread)) {
                problems.add(new Problem(
                        block.end(),
                        "thread %s printed %s, which the block does not expect"
                                .formatted(
                                        Quote.of(thread),
                                        Quote.of(window.get(printed.get(0)).text()))));
            }
        });
        if (problems.isEmpty()) {
            ways.putIfAbsent(matched, new Way(matched, List.of(pairing)));
            return;
        }
        Problem first = problems.stream()
                .min((a, b) -> Integer.compare(a.line(), b.line()))
                .orElseThrow();
        if (best == null || first.line() > best.line()) {
            best = first;
        }
    }

    /** Matches one thread's output lines against its label's lines, in order, up to the first problem. */
    private Bindings follow(
            String label,
            String thread,
            List<ThreadLine> expected,
            Bindings matched,
            ExpectedLine[] pairing,
            List<Problem> problems) {
        String who = label.startsWith("$")
                ? "thread %s ([%s])".formatted(Quote.of(thread), label)
                : "thread " + Quote.of(thread);
        List<Integer> printed = printedBy.getOrDefault(thread, List.of());
        for (int p = 0; p < expected.size() || p < printed.size(); p++) {
            if (p == printed.size()) {
                String where = window.size() < block.lines().size()
                        ? "before the output ended"
                        : "among the block's %d output lines".formatted(window.size());
                problems.add(new Problem(
                        expected.get(p).shown().line(),
                        "%s did not print %s %s".formatted(who, Quote.of(body(expected.get(p))), where)));
                break;
            }
            String text = window.get(printed.get(p)).text();
            if (p == expected.size()) {
                problems.add(new Problem(
                        expected.get(p - 1).shown().line(),
                        "%s printed %s after its last expected line".formatted(who, Quote.of(text))));
                break;
            }
            ThreadLine line = expected.get(p);
            switch (line.line().pattern().match(text, matched)) {
                case Matched m -> {
                    matched = m.bindings();
                    pairing[printed.get(p)] = line.shown();
                }
                case Failed f -> {
                    problems.add(new Problem(
                            line.shown().line(),
                            f.reason()
                                    .map(reason -> "%s printed %s: %s".formatted(who, Quote.of(text), reason))
                                    .orElse("%s printed %s where %s was expected"
                                            .formatted(who, Quote.of(text), Quote.of(body(line))))));
                    return matched;
                }
            }
        }
        return matched;
    }

    /** The line's text without its label: what the thread should print. */
    private static String body(ThreadLine line) {
        String text = line.shown().text();
        int after = text.indexOf(']') + 1;
        return text.startsWith(" ", after) ? text.substring(after + 1) : text.substring(after);
    }
}
