package concur.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import concur.run.OutputLine;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of matching, over generated expectations and outputs.
 *
 * <p>QuickTheories draws a new seed for every run and, when a property fails, reports the shrunk
 * falsifying values and the seed in the {@link AssertionError}.
 */
class ExpectationPropertiesTest {

    /**
     * Examples generated per property. QuickTheories skips an example it has already tried, so this
     * gives each property more than 1000 distinct examples, the number it had before.
     */
    private static final int EXAMPLES = 1200;

    /** An expected line and an output line that matches it. */
    record Sample(String pattern, String text) {}

    /** A line printed by a thread. */
    record Printed(String thread, String text) {}

    /** A part of an expectation (its lines as written) and output that matches it. */
    record Part(List<String> expected, List<Printed> output) {}

    /** Lines in the order an expectation lists them, and in the order the output prints them. */
    record Permuted(List<Sample> expected, List<Sample> printed) {}

    private static QuickTheory properties() {
        return qt().withExamples(EXAMPLES);
    }

    // --- (1) output generated from an expectation matches it ---

    @Test
    void outputMadeFromAnExpectationMatchesIt() {
        properties().forAll(expectations()).checkAssert(parts -> {
            Expectation expectation = parse(parts);
            List<OutputLine> output =
                    timed(parts.stream().flatMap(part -> part.output().stream()).toList());

            MatchResult result = expectation.match(output, Duration.ofSeconds(10), 0);

            assertThat(result.failure()).isEmpty();
            assertThat(result.rows()).allSatisfy(row -> assertThat(row.mark()).isEqualTo(Mark.MATCH));
            assertThat(result.rows())
                    .extracting(row -> row.actual().orElseThrow())
                    .containsExactlyElementsOf(output);
        });
    }

    // --- (2) a changed, dropped or swapped line is named ---

    @Test
    void aChangedLineIsNamed() {
        properties().forAll(distinctLines(), picks()).checkAssert((lines, pick) -> {
            int i = pick % lines.size();
            List<String> output = new ArrayList<>(lines);
            output.set(i, "changed");

            assertThat(failure(lines, output))
                    .isEqualTo("line %d: expected \"%s\" but got \"changed\"".formatted(i + 1, lines.get(i)));
        });
    }

    @Test
    void aDroppedLineIsNamed() {
        properties().forAll(distinctLines(), picks()).checkAssert((lines, pick) -> {
            int i = pick % lines.size();
            List<String> output = new ArrayList<>(lines);
            output.remove(i);

            String got = i < output.size() ? "got \"" + output.get(i) + "\"" : "the output ended";
            assertThat(failure(lines, output))
                    .isEqualTo("line %d: expected \"%s\" but %s".formatted(i + 1, lines.get(i), got));
        });
    }

    @Test
    void swappedLinesAreNamed() {
        properties().forAll(distinctLines(), picks(), picks()).checkAssert((lines, first, second) -> {
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
        });
    }

    @Test
    void rowsShowEveryOutputLineOnceAndExpectedLinesAtMostOnce() {
        properties()
                .forAll(expectations(), lines(), picks(), booleans().all())
                .checkAssert((parts, stranger, pick, drop) -> {
                    Expectation expectation = parse(parts);
                    List<Printed> printed = new ArrayList<>(parts.stream()
                            .flatMap(part -> part.output().stream())
                            .toList());
                    if (drop && !printed.isEmpty()) {
                        printed.remove(pick % printed.size());
                    } else {
                        printed.add(pick % (printed.size() + 1), new Printed("main", stranger.text()));
                    }
                    List<OutputLine> output = timed(printed);

                    List<Row> rows =
                            expectation.match(output, Duration.ofSeconds(10), 0).rows();

                    assertThat(rows.stream()
                                    .flatMap(row -> row.actual().stream())
                                    .toList())
                            .containsExactlyElementsOf(output);
                    List<Integer> expectedLines = rows.stream()
                            .filter(row -> row.expected().isPresent()
                                    && !row.expected().get().equals("..."))
                            .map(Row::expectedLine)
                            .toList();
                    assertThat(expectedLines).doesNotHaveDuplicates();
                    assertThat(rows).allSatisfy(row -> {
                        switch (row.mark()) {
                            case MATCH, MISMATCH, UNCHECKED ->
                                assertThat(row.actual().isPresent()
                                                && row.expected().isPresent())
                                        .isTrue();
                            case MISSING -> assertThat(row.actual()).isEmpty();
                            case EXTRA -> assertThat(row.expected()).isEmpty();
                        }
                    });
                });
    }

    // --- (3) per-thread blocks accept every interleaving that keeps each thread's order ---

    @Test
    void anyInterleavingOfTheThreadsMatches() {
        properties()
                .forAll(threadLengths(), schedules(), booleans().all())
                .checkAssert((lengths, schedule, variables) -> {
                    List<List<Printed>> threads = threads(lengths);

                    MatchResult result =
                            perThread(threads, variables).match(timed(interleave(threads, schedule)), Duration.ZERO, 0);

                    assertThat(result.failure()).isEmpty();
                });
    }

    @Test
    void anInterleavingThatReordersAThreadFails() {
        properties()
                .forAll(threadLengths(), schedules(), booleans().all(), picks())
                .checkAssert((lengths, schedule, variables, pick) -> {
                    List<List<Printed>> threads = threads(lengths);
                    List<List<Printed>> reordered =
                            new ArrayList<>(threads.stream().map(ArrayList::new).toList());
                    List<Integer> longEnough = IntStream.range(0, threads.size())
                            .filter(t -> threads.get(t).size() > 1)
                            .boxed()
                            .toList();
                    if (longEnough.isEmpty()) {
                        return;
                    }
                    List<Printed> victim = reordered.get(longEnough.get(pick % longEnough.size()));
                    Collections.swap(victim, pick % victim.size(), (pick + 1) % victim.size());

                    MatchResult result = perThread(threads, variables)
                            .match(timed(interleave(reordered, schedule)), Duration.ZERO, 0);

                    assertThat(result.failure())
                            .hasValueSatisfying(failure -> assertThat(failure).contains("per-thread block"));
                });
    }

    // --- (4) unordered blocks accept every permutation ---

    @Test
    void anUnorderedBlockMatchesAnyPermutation() {
        properties().forAll(permutedLines()).checkAssert(lines -> {
            List<String> block = new ArrayList<>();
            block.add(":: unordered");
            lines.expected().forEach(sample -> block.add(sample.pattern()));
            block.add(":: end");

            MatchResult result = Fixtures.expect(block.toArray(String[]::new))
                    .match(
                            timed(lines.printed().stream()
                                    .map(sample -> new Printed("main", sample.text()))
                                    .toList()),
                            Duration.ZERO,
                            0);

            assertThat(result.failure()).isEmpty();
        });
    }

    // --- generators ---

    private static Gen<List<Part>> expectations() {
        return lists().of(oneOf(List.of(linePart(), ellipsisPart(), unorderedPart(), perThreadPart(), elapsedPart())))
                .ofSizeBetween(0, 8);
    }

    /** A line: a literal start, then literal words and placeholders, each with a sample. */
    private static Gen<Sample> lines() {
        return lists().of(piece())
                .ofSizeBetween(1, 4)
                .map(pieces -> new Sample(
                        "L "
                                + String.join(
                                        " ",
                                        pieces.stream().map(Sample::pattern).toList()),
                        "L "
                                + String.join(
                                        " ", pieces.stream().map(Sample::text).toList())));
    }

    /**
     * Pieces are joined with spaces, and only {@code {any}} matches a space or is followed by a bound,
     * never a digit: so every line splits into its pieces in one way only, and bounds see their samples.
     */
    private static Gen<Sample> piece() {
        return oneOf(List.of(
                strings("abcxyz.()[]$*+?^{}|\\", 1, 6).map(word -> new Sample(word.replace("{", "{{"), word)),
                integers().between(-999, 999).map(n -> new Sample("{int}", "" + n)),
                integers().between(1, 999).map(n -> new Sample("{int > 0}", "" + n)),
                integers()
                        .between(-9_900, 9_900)
                        .map(n -> new Sample("{num}", BigDecimal.valueOf(n, 2).toPlainString())),
                Generate.pick(List.of("1.3", "2", "1.5e3", "13E-1")).map(n -> new Sample("{num >= 1.3}", n)),
                integers().between(0, 99_999).map(n -> new Sample("{pid}", "" + n)),
                strings("abc_:#@é", 1, 5).map(w -> new Sample("{word}", w)),
                integers().between(1, 9).map(n -> new Sample("{thread}", "pool-1-thread-" + n)),
                strings("ab {}", 0, 5).map(s -> new Sample("{any}", s)),
                strings("abc", 1, 4).map(s -> new Sample("{/[a-c]+\\/\\d/}", s + "/7"))));
    }

    private static Gen<Part> linePart() {
        return lines().map(line -> new Part(List.of(line.pattern()), List.of(new Printed("main", line.text()))));
    }

    private static Gen<Part> ellipsisPart() {
        return lists().of(strings("ab ", 0, 4).map(s -> new Printed("main", "F" + s)))
                .ofSizeBetween(0, 3)
                .map(filler -> new Part(List.of("..."), filler));
    }

    private static Gen<Part> elapsedPart() {
        return Generate.pick(List.of(":: elapsed < 1m", ":: elapsed >= 0ms"))
                .map(line -> new Part(List.of(line), List.of()));
    }

    private static Gen<Part> unorderedPart() {
        return lists().of(lines())
                .ofSizeBetween(1, 4)
                .flatMap(lines -> shuffled(lines).map(shuffled -> {
                    List<String> expected = new ArrayList<>();
                    expected.add(":: unordered");
                    lines.forEach(line -> expected.add(line.pattern()));
                    expected.add(":: end");
                    return new Part(
                            expected,
                            shuffled.stream()
                                    .map(line -> new Printed("main", line.text()))
                                    .toList());
                }));
    }

    private static Gen<Part> perThreadPart() {
        return lists().of(lists().of(lines()).ofSizeBetween(1, 3))
                .ofSizeBetween(1, 3)
                .zip(schedules(), (lines, schedule) -> {
                    List<String> expected = new ArrayList<>();
                    List<List<Printed>> threads = new ArrayList<>();
                    expected.add(":: per-thread");
                    for (int t = 0; t < lines.size(); t++) {
                        String thread = "t" + t;
                        lines.get(t).forEach(line -> expected.add("[" + thread + "] " + line.pattern()));
                        threads.add(lines.get(t).stream()
                                .map(line -> new Printed(thread, line.text()))
                                .toList());
                    }
                    expected.add(":: end");
                    return new Part(expected, interleave(threads, schedule));
                });
    }

    /** Two to eight distinct lines {@code "line " + s}, {@code s} being one to four of {@code a} to {@code f}. */
    private static Gen<List<String>> distinctLines() {
        return lists().of(strings(LINE_CHARS, 1, 4)).ofSizeBetween(2, 8).map(words -> {
            Set<String> seen = new HashSet<>();
            List<String> lines = new ArrayList<>();
            for (String word : words) {
                while (!seen.add(word)) {
                    word = successor(word);
                }
                lines.add("line " + word);
            }
            return lines;
        });
    }

    private static final String LINE_CHARS = "abcdef";

    /** The next word after {@code word} among the words of one to four {@link #LINE_CHARS}, after the last the first. */
    private static String successor(String word) {
        char[] chars = word.toCharArray();
        for (int k = chars.length - 1; k >= 0; k--) {
            int digit = LINE_CHARS.indexOf(chars[k]);
            if (digit < LINE_CHARS.length() - 1) {
                chars[k] = LINE_CHARS.charAt(digit + 1);
                return new String(chars);
            }
            chars[k] = LINE_CHARS.charAt(0);
        }
        return chars.length < 4 ? LINE_CHARS.charAt(0) + new String(chars) : LINE_CHARS.substring(0, 1);
    }

    /** An index from 0 to 99, to take modulo a size. */
    private static Gen<Integer> picks() {
        return integers().between(0, 99);
    }

    private static Gen<List<Integer>> threadLengths() {
        return lists().of(integers().between(1, 4)).ofSizeBetween(1, 4);
    }

    /** Which thread prints next, as an index into the threads that still have lines to print. */
    private static Gen<List<Integer>> schedules() {
        return lists().of(integers().between(0, 99)).ofSize(16);
    }

    private static Gen<Permuted> permutedLines() {
        return lists().of(lines())
                .ofSizeBetween(1, 6)
                .flatMap(lines -> shuffled(lines).map(shuffled -> new Permuted(lines, shuffled)));
    }

    /** Strings of {@code min} to {@code max} characters taken from {@code chars}. */
    private static Gen<String> strings(String chars, int min, int max) {
        List<Character> alphabet = chars.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(alphabet))
                .ofSizeBetween(min, max)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** One of {@code choices}, each as likely. */
    private static <T> Gen<T> oneOf(List<Gen<T>> choices) {
        return Generate.pick(choices).flatMap(choice -> choice);
    }

    /** A uniformly random permutation of {@code items} (Fisher-Yates); it shrinks towards their order. */
    private static <T> Gen<List<T>> shuffled(List<T> items) {
        return lists().of(integers().between(0, Integer.MAX_VALUE - 1))
                .ofSize(items.size())
                .map(draws -> {
                    List<T> shuffled = new ArrayList<>(items);
                    for (int k = shuffled.size() - 1; k > 0; k--) {
                        Collections.swap(shuffled, k, k - draws.get(k) % (k + 1));
                    }
                    return shuffled;
                });
    }

    // --- helpers ---

    private static Expectation parse(List<Part> parts) {
        return Fixtures.expect(
                parts.stream().flatMap(part -> part.expected().stream()).toArray(String[]::new));
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
                    .filter(t -> next[t] < threads.get(t).size())
                    .boxed()
                    .toList();
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
            threads.add(IntStream.range(0, lengths.get(t))
                    .mapToObj(k -> new Printed(thread, "step " + k))
                    .toList());
        }
        return threads;
    }

    /** A per-thread block for {@code threads}, labelled by name or, with {@code variables}, by variable. */
    private static Expectation perThread(List<List<Printed>> threads, boolean variables) {
        List<String> block = new ArrayList<>();
        block.add(":: per-thread");
        for (List<Printed> thread : threads) {
            for (Printed line : thread) {
                String label = variables ? "$v" + line.thread() : line.thread();
                block.add("[" + label + "] " + line.text());
            }
        }
        block.add(":: end");
        return Fixtures.expect(block.toArray(String[]::new));
    }
}
