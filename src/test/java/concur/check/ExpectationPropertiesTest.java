package concur.check;

import static org.assertj.core.api.Assertions.assertThat;

import concur.run.OutputLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of matching, over generated expectations and outputs. */
class ExpectationPropertiesTest {

    /** An expected line and an output line that matches it. */
    record Sample(String pattern, String text) {}

    /** A line printed by a thread. */
    record Printed(String thread, String text) {}

    /** A part of an expectation (its lines as written) and output that matches it. */
    record Part(List<String> expected, List<Printed> output) {}

    // --- (1) output generated from an expectation matches it ---

    @Property
    void output_made_from_an_expectation_matches_it(@ForAll("expectations") List<Part> parts) {
        Expectation expectation = parse(parts);
        List<OutputLine> output = timed(parts.stream().flatMap(part -> part.output().stream()).toList());

        MatchResult result = expectation.match(output, Duration.ofSeconds(10), 0);

        assertThat(result.failure()).isEmpty();
        assertThat(result.rows()).allSatisfy(row -> assertThat(row.mark()).isEqualTo(Mark.MATCH));
        assertThat(result.rows()).extracting(row -> row.actual().orElseThrow()).containsExactlyElementsOf(output);
    }

    // --- (2) a changed, dropped or swapped line is named ---

    @Property
    void a_changed_line_is_named(@ForAll("distinctLines") List<String> lines, @ForAll @IntRange(max = 99) int pick) {
        int i = pick % lines.size();
        List<String> output = new ArrayList<>(lines);
        output.set(i, "changed");

        assertThat(failure(lines, output))
                .isEqualTo("line %d: expected \"%s\" but got \"changed\"".formatted(i + 1, lines.get(i)));
    }

    @Property
    void a_dropped_line_is_named(@ForAll("distinctLines") List<String> lines, @ForAll @IntRange(max = 99) int pick) {
        int i = pick % lines.size();
        List<String> output = new ArrayList<>(lines);
        output.remove(i);

        String got = i < output.size() ? "got \"" + output.get(i) + "\"" : "the output ended";
        assertThat(failure(lines, output))
                .isEqualTo("line %d: expected \"%s\" but %s".formatted(i + 1, lines.get(i), got));
    }

    @Property
    void swapped_lines_are_named(@ForAll("distinctLines") List<String> lines,
                                 @ForAll @IntRange(max = 99) int first, @ForAll @IntRange(max = 99) int second) {
        int i = Math.min(first % lines.size(), second % lines.size());
        int j = Math.max(first % lines.size(), second % lines.size());
        if (i == j) {
            j = (i + 1) % lines.size();
            int k = Math.min(i, j);
            j = Math.max(i, j);
            i = k;
        }
        List<String> output = new ArrayList<>(lines);
        Collections.swap(output, i, j);

        assertThat(failure(lines, output))
                .isEqualTo("line %d: expected \"%s\" but got \"%s\"".formatted(i + 1, lines.get(i), lines.get(j)));
    }

    @Property
    void rows_show_every_output_line_once_and_expected_lines_at_most_once(
            @ForAll("expectations") List<Part> parts, @ForAll("lines") Sample stranger,
            @ForAll @IntRange(max = 99) int pick, @ForAll boolean drop) {
        Expectation expectation = parse(parts);
        List<Printed> printed = new ArrayList<>(parts.stream().flatMap(part -> part.output().stream()).toList());
        if (drop && !printed.isEmpty()) {
            printed.remove(pick % printed.size());
        } else {
            printed.add(pick % (printed.size() + 1), new Printed("main", stranger.text()));
        }
        List<OutputLine> output = timed(printed);

        List<Row> rows = expectation.match(output, Duration.ofSeconds(10), 0).rows();

        assertThat(rows.stream().flatMap(row -> row.actual().stream()).toList()).containsExactlyElementsOf(output);
        List<Integer> expectedLines = rows.stream()
                .filter(row -> row.expected().isPresent() && !row.expected().get().equals("..."))
                .map(Row::expectedLine).toList();
        assertThat(expectedLines).doesNotHaveDuplicates();
        assertThat(rows).allSatisfy(row -> {
            switch (row.mark()) {
                case MATCH, MISMATCH -> assertThat(row.actual().isPresent() && row.expected().isPresent()).isTrue();
                case MISSING -> assertThat(row.actual()).isEmpty();
                case EXTRA -> assertThat(row.expected()).isEmpty();
            }
        });
    }

    // --- (3) per-thread blocks accept every interleaving that keeps each thread's order ---

    @Property
    void any_interleaving_of_the_threads_matches(@ForAll("threadLengths") List<Integer> lengths,
                                                 @ForAll("schedules") List<Integer> schedule,
                                                 @ForAll boolean variables) {
        List<List<Printed>> threads = threads(lengths);

        MatchResult result = perThread(threads, variables).match(timed(interleave(threads, schedule)), Duration.ZERO, 0);

        assertThat(result.failure()).isEmpty();
    }

    @Property
    void an_interleaving_that_reorders_a_thread_fails(@ForAll("threadLengths") List<Integer> lengths,
                                                      @ForAll("schedules") List<Integer> schedule,
                                                      @ForAll boolean variables,
                                                      @ForAll @IntRange(max = 99) int pick) {
        List<List<Printed>> threads = threads(lengths);
        List<List<Printed>> reordered = new ArrayList<>(threads.stream().map(ArrayList::new).toList());
        List<Integer> longEnough = IntStream.range(0, threads.size()).filter(t -> threads.get(t).size() > 1).boxed().toList();
        if (longEnough.isEmpty()) {
            return;
        }
        List<Printed> victim = reordered.get(longEnough.get(pick % longEnough.size()));
        Collections.swap(victim, pick % victim.size(), (pick + 1) % victim.size());

        MatchResult result = perThread(threads, variables).match(timed(interleave(reordered, schedule)), Duration.ZERO, 0);

        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure).contains("per-thread block"));
    }

    // --- (4) unordered blocks accept every permutation ---

    @Property
    void an_unordered_block_matches_any_permutation(@ForAll("permutedLines") Tuple2<List<Sample>, List<Sample>> lines) {
        List<String> block = new ArrayList<>();
        block.add(":: unordered");
        lines.get1().forEach(sample -> block.add(sample.pattern()));
        block.add(":: end");

        MatchResult result = Fixtures.expect(block.toArray(String[]::new))
                .match(timed(lines.get2().stream().map(sample -> new Printed("main", sample.text())).toList()),
                        Duration.ZERO, 0);

        assertThat(result.failure()).isEmpty();
    }

    // --- generators ---

    @Provide
    Arbitrary<List<Part>> expectations() {
        return Arbitraries.oneOf(linePart(), ellipsisPart(), unorderedPart(), perThreadPart(), elapsedPart())
                .list().ofMaxSize(8);
    }

    /** A line: a literal start, then literal words and placeholders, each with a sample. */
    @Provide
    Arbitrary<Sample> lines() {
        return piece().list().ofMinSize(1).ofMaxSize(4).map(pieces -> new Sample(
                "L " + String.join(" ", pieces.stream().map(Sample::pattern).toList()),
                "L " + String.join(" ", pieces.stream().map(Sample::text).toList())));
    }

    /**
     * Pieces are joined with spaces, and only {@code {any}} matches a space or is followed by a bound,
     * never a digit: so every line splits into its pieces in one way only, and bounds see their samples.
     */
    private Arbitrary<Sample> piece() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcxyz.()[]$*+?^{}|\\").ofMinLength(1).ofMaxLength(6)
                        .map(word -> new Sample(word.replace("{", "{{"), word)),
                Arbitraries.integers().between(-999, 999).map(n -> new Sample("{int}", "" + n)),
                Arbitraries.integers().between(1, 999).map(n -> new Sample("{int > 0}", "" + n)),
                Arbitraries.bigDecimals().between(java.math.BigDecimal.valueOf(-99), java.math.BigDecimal.valueOf(99))
                        .ofScale(2).map(n -> new Sample("{num}", n.toPlainString())),
                Arbitraries.of("1.3", "2", "1.5e3", "13E-1").map(n -> new Sample("{num >= 1.3}", n)),
                Arbitraries.integers().between(0, 99_999).map(n -> new Sample("{pid}", "" + n)),
                Arbitraries.strings().withChars("abc_:#@é").ofMinLength(1).ofMaxLength(5).map(w -> new Sample("{word}", w)),
                Arbitraries.integers().between(1, 9).map(n -> new Sample("{thread}", "pool-1-thread-" + n)),
                Arbitraries.strings().withChars("ab {}").ofMaxLength(5).map(s -> new Sample("{any}", s)),
                Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(4)
                        .map(s -> new Sample("{/[a-c]+\\/\\d/}", s + "/7")));
    }

    private Arbitrary<Part> linePart() {
        return lines().map(line -> new Part(List.of(line.pattern()), List.of(new Printed("main", line.text()))));
    }

    private Arbitrary<Part> ellipsisPart() {
        return Arbitraries.strings().withChars("ab ").ofMaxLength(4).map(s -> new Printed("main", "F" + s))
                .list().ofMaxSize(3).map(filler -> new Part(List.of("..."), filler));
    }

    private Arbitrary<Part> elapsedPart() {
        return Arbitraries.of(":: elapsed < 1m", ":: elapsed >= 0ms").map(line -> new Part(List.of(line), List.of()));
    }

    private Arbitrary<Part> unorderedPart() {
        return lines().list().ofMinSize(1).ofMaxSize(4).flatMap(lines -> Arbitraries.shuffle(lines).map(shuffled -> {
            List<String> expected = new ArrayList<>();
            expected.add(":: unordered");
            lines.forEach(line -> expected.add(line.pattern()));
            expected.add(":: end");
            return new Part(expected, shuffled.stream().map(line -> new Printed("main", line.text())).toList());
        }));
    }

    private Arbitrary<Part> perThreadPart() {
        return Combinators.combine(lines().list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3), schedules())
                .as((lines, schedule) -> {
                    List<String> expected = new ArrayList<>();
                    List<List<Printed>> threads = new ArrayList<>();
                    expected.add(":: per-thread");
                    for (int t = 0; t < lines.size(); t++) {
                        String thread = "t" + t;
                        lines.get(t).forEach(line -> expected.add("[" + thread + "] " + line.pattern()));
                        threads.add(lines.get(t).stream().map(line -> new Printed(thread, line.text())).toList());
                    }
                    expected.add(":: end");
                    return new Part(expected, interleave(threads, schedule));
                });
    }

    @Provide
    Arbitrary<List<String>> distinctLines() {
        return Arbitraries.strings().withChars("abcdef").ofMinLength(1).ofMaxLength(4).map(s -> "line " + s)
                .list().ofMinSize(2).ofMaxSize(8).uniqueElements();
    }

    @Provide
    Arbitrary<List<Integer>> threadLengths() {
        return Arbitraries.integers().between(1, 4).list().ofMinSize(1).ofMaxSize(4);
    }

    /** Which thread prints next, as an index into the threads that still have lines to print. */
    @Provide
    Arbitrary<List<Integer>> schedules() {
        return Arbitraries.integers().between(0, 99).list().ofSize(16);
    }

    @Provide
    Arbitrary<Tuple2<List<Sample>, List<Sample>>> permutedLines() {
        return lines().list().ofMinSize(1).ofMaxSize(6)
                .flatMap(lines -> Arbitraries.shuffle(lines).map(shuffled -> Tuple.of(lines, shuffled)));
    }

    // --- helpers ---

    private static Expectation parse(List<Part> parts) {
        return Fixtures.expect(parts.stream().flatMap(part -> part.expected().stream()).toArray(String[]::new));
    }

    private static List<OutputLine> timed(List<Printed> printed) {
        List<OutputLine> lines = new ArrayList<>();
        for (Printed line : printed) {
            lines.add(OutputLine.out(10L * lines.size(), line.thread(), line.text()));
        }
        return lines;
    }

    private static String failure(List<String> expected, List<String> output) {
        return Fixtures.failure(Fixtures.expect(expected.toArray(String[]::new)), output.toArray(String[]::new));
    }

    /** Merges the threads' lines, each thread's in order, picking the next thread by {@code schedule}. */
    private static List<Printed> interleave(List<List<Printed>> threads, List<Integer> schedule) {
        List<Printed> merged = new ArrayList<>();
        int[] next = new int[threads.size()];
        for (int step = 0; ; step++) {
            List<Integer> waiting = IntStream.range(0, threads.size())
                    .filter(t -> next[t] < threads.get(t).size()).boxed().toList();
            if (waiting.isEmpty()) {
                return merged;
            }
            int t = waiting.get(schedule.get(step % schedule.size()) % waiting.size());
            merged.add(threads.get(t).get(next[t]++));
        }
    }

    /** Threads {@code w0}, {@code w1}, ... printing distinct steps. */
    private static List<List<Printed>> threads(List<Integer> lengths) {
        List<List<Printed>> threads = new ArrayList<>();
        for (int t = 0; t < lengths.size(); t++) {
            String thread = "w" + t;
            threads.add(IntStream.range(0, lengths.get(t)).mapToObj(k -> new Printed(thread, "step " + k)).toList());
        }
        return threads;
    }

    /** A per-thread block for {@code threads}, labelled by name or, with {@code variables}, by variable. */
    private static Expectation perThread(List<List<Printed>> threads, boolean variables) {
        List<String> block = new ArrayList<>();
        block.add(":: per-thread");
        Set<String> seen = new HashSet<>();
        for (List<Printed> thread : threads) {
            for (Printed line : thread) {
                seen.add(line.thread());
                String label = variables ? "$v" + line.thread() : line.thread();
                block.add("[" + label + "] " + line.text());
            }
        }
        block.add(":: end");
        return Fixtures.expect(block.toArray(String[]::new));
    }
}
