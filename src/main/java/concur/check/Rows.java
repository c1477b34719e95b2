package concur.check;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import concur.check.Element.ExpectedLine;
import concur.check.Element.OneLine;
import concur.run.OutputLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Lays out the side-by-side view: every output line once, in output order, beside what it matched. */
final class Rows {
    /**
     * How many output lines past the expected ones the diff looks at. Diffing costs about the square
     * of the differences, and beyond a screenful the learner gains nothing from alignment anyway.
     */
    private static final int DIFF_SLACK = 200;

    private Rows() {}

    /** The rows of a match, or of the matched part of a failure. */
    static List<Row> matched(Alignment alignment, List<OutputLine> output) {
        List<Row> rows = new ArrayList<>();
        for (Alignment link : alignment.links()) {
            for (int k = 0; k < link.expected().size(); k++) {
                ExpectedLine expected = link.expected().get(k);
                rows.add(new Row(
                        Optional.of(output.get(link.from() + k)),
                        Optional.of(expected.text()),
                        expected.line(),
                        Mark.MATCH,
                        Optional.of(expected.words())));
            }
        }
        return rows;
    }

    /**
     * The rows of a failure: the part that matched, then the output lines left lined up with the expected
     * lines left by a diff, which tells a changed line from a missing or an extra one.
     *
     * <p>The lines the diff pairs by shape alone are {@link Mark#UNCHECKED}, not matched: the match stopped
     * before them, so nothing said their captures and bounds hold, and a failed step must not show a matched mark
     * on a line the matcher never looked at.
     *
     * @param failedLine the index of the output line that had the expected shape and still failed (a bound
     *                   not met, a capture that did not repeat), or -1: it is marked as a mismatch
     */
    static List<Row> failed(Alignment alignment, List<OutputLine> output, List<OneLine> expected, int failedLine) {
        List<Row> rows = matched(alignment, output);
        List<OutputLine> actual = output.subList(alignment.end(), output.size());
        int diffed = Math.min(actual.size(), expected.size() + DIFF_SLACK);
        List<AbstractDelta<Integer>> deltas = actual.isEmpty() || expected.isEmpty()
                ? List.of()
                : DiffUtils.diff(
                                indices(diffed),
                                indices(expected.size()),
                                (a, e) -> expected.get(e).resembles(actual.get(a)))
                        .getDeltas();
        int a = 0;
        int e = 0;
        for (AbstractDelta<Integer> delta : deltas) {
            for (; a < delta.getSource().getPosition(); a++, e++) {
                rows.add(row(actual.get(a), expected.get(e), shapeMatch(alignment.end() + a, failedLine)));
            }
            int extra = a + delta.getSource().size();
            int missing = e + delta.getTarget().size();
            for (; a < extra && e < missing; a++, e++) {
                rows.add(row(actual.get(a), expected.get(e), Mark.MISMATCH));
            }
            for (; a < extra; a++) {
                rows.add(new Row(Optional.of(actual.get(a)), Optional.empty(), 0, Mark.EXTRA));
            }
            for (; e < missing; e++) {
                rows.add(missing(expected.get(e)));
            }
        }
        // Lines after the last difference: equal as far as both sides go, then whatever one side has left.
        for (; a < diffed && e < expected.size(); a++, e++) {
            rows.add(row(actual.get(a), expected.get(e), shapeMatch(alignment.end() + a, failedLine)));
        }
        for (; a < actual.size(); a++) {
            rows.add(new Row(Optional.of(actual.get(a)), Optional.empty(), 0, Mark.EXTRA));
        }
        for (; e < expected.size(); e++) {
            rows.add(missing(expected.get(e)));
        }
        return rows;
    }

    private static Mark shapeMatch(int index, int failedLine) {
        return index == failedLine ? Mark.MISMATCH : Mark.UNCHECKED;
    }

    /** Every output line on its own, when no alignment could be made. */
    static List<Row> unaligned(List<OutputLine> output) {
        return output.stream()
                .map(line -> new Row(Optional.of(line), Optional.empty(), 0, Mark.EXTRA))
                .toList();
    }

    private static Row row(OutputLine actual, OneLine expected, Mark mark) {
        return new Row(
                Optional.of(actual),
                Optional.of(expected.shown().text()),
                expected.shown().line(),
                mark,
                Optional.of(expected.shown().words()));
    }

    private static Row missing(OneLine expected) {
        return new Row(
                Optional.empty(),
                Optional.of(expected.shown().text()),
                expected.shown().line(),
                Mark.MISSING,
                Optional.of(expected.shown().words()));
    }

    private static List<Integer> indices(int size) {
        return IntStream.range(0, size).boxed().toList();
    }
}
