package concur.check;

import concur.check.ExpectationParser.Exit;
import concur.check.ExpectationParser.Total;
import concur.check.Search.Failure;
import concur.run.OutputLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code expected} block of a lesson step: what an example's output must look like.
 * The language is described under "Expected output" in lessons/README.md.
 */
public final class Expectation {
    private final List<Element> elements;
    private final List<Total> totals;
    private final Exit exit;
    private final List<String> displayLines;
    private final int lastLine;

    Expectation(List<Element> elements, List<Total> totals, Exit exit, List<String> displayLines, int lastLine) {
        this.elements = List.copyOf(elements);
        this.totals = List.copyOf(totals);
        this.exit = exit;
        this.displayLines = List.copyOf(displayLines);
        this.lastLine = lastLine;
    }

    /**
     * Parses an expected block.
     *
     * @param lines     the block's lines, without line terminators or the fence
     * @param firstLine the 1-based line number, in the lesson file, of {@code lines.get(0)}
     */
    public static Expectation parse(List<String> lines, int firstLine) throws ExpectationException {
        return new ExpectationParser(firstLine).parse(lines);
    }

    /**
     * Matches the output of one run.
     *
     * @param output   every line the example printed, in the order the lines were completed
     * @param total    the whole run, from the start of {@code main} until the example exited
     * @param exitCode the example's exit code
     */
    public MatchResult match(List<OutputLine> output, Duration total, int exitCode) {
        List<String> problems = new ArrayList<>();
        List<Row> rows;
        try {
            rows = switch (new Search(elements, output, total, lastLine).run()) {
                case Search.Found found -> Rows.matched(found.alignment(), output);
                case Search.NotFound notFound -> {
                    Failure failure = notFound.failure();
                    problems.add(failure.message());
                    int failedLine = failure.nearMiss() ? failure.at() : -1;
                    yield Rows.failed(
                            failure.alignment(), output, Element.linesFrom(elements, failure.element()), failedLine);
                }
            };
        } catch (TooCostly e) {
            // Lining up the rest would try the same regex on the same line again: show the output as it came.
            problems.clear();
            problems.add(e.getMessage());
            rows = Rows.unaligned(output);
        }
        for (Total limit : totals) {
            if (!limit.bound().admits(total)) {
                problems.add("line %d: the run took %s, expected %s"
                        .formatted(limit.line(), limit.bound().format(total), limit.bound()));
            }
        }
        if (exitCode != exit.code()) {
            String problem = "exit code %d, expected %d".formatted(exitCode, exit.code());
            problems.add(exit.line() == 0 ? problem : "line %d: %s".formatted(exit.line(), problem));
        }
        if (problems.isEmpty()) {
            return new MatchResult.Matched(rows);
        }
        String also = problems.size() == 1 ? "" : "; also " + String.join("; ", problems.subList(1, problems.size()));
        return new MatchResult.Mismatched(rows, problems.get(0) + also);
    }

    /**
     * Whether the output would match if no bound counted ({@code {num >= 1.3}}, {@code :: elapsed},
     * {@code :: total}): a run that fails only on a bound was too slow, not wrong, which a busy machine explains.
     */
    public boolean matchesApartFromBounds(List<OutputLine> output, Duration total, int exitCode) {
        Expectation free = new Expectation(Element.withoutBounds(elements), List.of(), exit, displayLines, lastLine);
        return free.match(output, total, exitCode).matched();
    }

    /** The expected lines as the lesson wrote them, without the {@code ::} lines: to show beside live output. */
    public List<String> displayLines() {
        return displayLines;
    }
}
