package concur.check;

import static concur.check.Fixtures.expect;
import static concur.check.Fixtures.failure;
import static concur.check.Fixtures.match;
import static concur.check.Fixtures.output;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import concur.run.OutputLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationTest {

    @Nested
    class LiteralLines {
        @Test
        void matchTheOutputLineByLine() {
            assertThat(match(expect("hello", "world"), "hello", "world").matched())
                    .isTrue();
        }

        @Test
        void ignoreTrailingSpacesOnBothSides() {
            assertThat(match(expect("hello  ", "world"), "hello", "world \t").matched())
                    .isTrue();
        }

        @Test
        void letAPlaceholderAtTheEndMatchNothingAfterATrailingSpace() {
            assertThat(match(expect("value: {any}"), "value: ").matched()).isTrue();
            assertThat(match(expect("value: {any}"), "value:").matched()).isFalse();
        }

        @Test
        void keepLeadingSpacesSignificant() {
            assertThat(match(expect("  indented"), "  indented").matched()).isTrue();
            assertThat(match(expect("  indented"), "indented").matched()).isFalse();
        }

        @Test
        void treatRegexCharactersAsText() {
            assertThat(match(expect("a.b (x) [y] $1 \\d"), "a.b (x) [y] $1 \\d").matched())
                    .isTrue();
            assertThat(match(expect("a.b"), "axb").matched()).isFalse();
        }

        @Test
        void writeALiteralBraceAsTwo() {
            assertThat(match(expect("{{\"a\": 1}"), "{\"a\": 1}").matched()).isTrue();
        }

        @Test
        void matchABlankLineWithAnEmptyOne() {
            assertThat(match(expect("a", "", "b"), "a", "", "b").matched()).isTrue();
            assertThat(match(expect("a", "", "b"), "a", "b").matched()).isFalse();
        }

        @Test
        void nameTheFirstLineThatDiffers() {
            assertThat(failure(
                            expect("thread LoopThread >>> 2", "thread LoopThread >>> 3"),
                            "thread LoopThread >>> 2",
                            "thread LoopThread >>> 4"))
                    .isEqualTo("line 2: expected \"thread LoopThread >>> 3\" but got \"thread LoopThread >>> 4\"");
        }

        @Test
        void sayWhenTheOutputEndedTooSoon() {
            assertThat(failure(expect("start", "done"), "start"))
                    .isEqualTo("line 2: expected \"done\" but the output ended");
        }

        @Test
        void sayWhenThereIsOutputLeftOver() {
            assertThat(failure(expect("a", "b"), "a", "b", "surprise"))
                    .isEqualTo("output line 3 \"surprise\" is extra: the expectation ended at line 2");
        }

        @Test
        void countLinesFromWhereTheBlockStartsInTheLesson() throws ExpectationException {
            Expectation expectation = Expectation.parse(List.of("a", "b"), 40);
            assertThat(failure(expectation, "a", "c")).startsWith("line 41: ");
        }

        @Test
        void expectNoOutputFromAnEmptyBlock() {
            assertThat(match(expect()).matched()).isTrue();
            assertThat(failure(expect(), "hi"))
                    .isEqualTo("output line 1 \"hi\" is extra: the expectation is that there is no output");
        }

        @Test
        void shortenLongLinesInMessages() {
            String longLine = "x".repeat(300);
            assertThat(failure(expect("short"), longLine)).hasSizeLessThan(200);
        }
    }

    @Nested
    class Placeholders {
        @ParameterizedTest(name = "{0} matches \"{1}\": {2}")
        @CsvSource(delimiterString = "=>", textBlock = """
                count {int}        => count 42          => true
                count {int}        => count -3          => true
                count {int}        => count 4.2         => false
                count {int}        => count many        => false
                took {num} s       => took 1.75 s       => true
                took {num} s       => took -2 s         => true
                took {num} s       => took 3e-4 s       => true
                took {num} s       => took 1.5E+3 s     => true
                took {num} s       => took 1. s         => false
                took {num} s       => took fast s       => false
                pid {pid}          => pid 4711          => true
                pid {pid}          => pid -1            => false
                in {thread}        => in pool-1-thread-2 => true
                in {thread}        => in two words      => false
                a {word} b         => a ü@#! b          => true
                a {word} b         => a  b              => false
                [{any}]            => []                => true
                [{any}]            => [anything at all] => true
                {/a+b/} end        => aaab end          => true
                {/a+b/} end        => b end             => false
                {/\\d+\\/\\d+/}    => 3/4               => true
                {/(?i)done/}       => DONE              => true
                {/x|z/}y           => zy                => true
                {/x|z/}y           => x|zy              => false
                """)
        void matchTheirKindOfText(String expected, String actual, boolean matches) {
            assertThat(match(expect(expected), actual).matched()).isEqualTo(matches);
        }

        @Test
        void captureANamedValueAndRequireItAgain() {
            Expectation expectation = expect("parent {pid:parent}", "child of {pid:parent}");
            assertThat(match(expectation, "parent 4711", "child of 4711").matched())
                    .isTrue();
            assertThat(failure(expectation, "parent 4711", "child of 4712"))
                    .isEqualTo("line 2: «parent» must be \"4711\" again but got \"4712\"");
        }

        @Test
        void captureWithARegexToo() {
            Expectation expectation = expect("{/[a-z]+/:name} starts", "{word:name} ends");
            assertThat(match(expectation, "job starts", "job ends").matched()).isTrue();
            assertThat(match(expectation, "job starts", "jab ends").matched()).isFalse();
        }

        @Test
        void findTheSplitWhereANameUsedTwiceInALineAgrees() {
            assertThat(match(expect("{any:x}-{any:x}"), "a-b-a-b").matched()).isTrue();
            assertThat(match(expect("{any:x}-{any:x}"), "a-b-a").matched()).isFalse();
        }

        @Test
        void keepNamesApart() {
            Expectation expectation = expect("{int:a} {int:b}", "{int:b} {int:a}");
            assertThat(match(expectation, "1 2", "2 1").matched()).isTrue();
            assertThat(match(expectation, "1 2", "1 2").matched()).isFalse();
        }

        @ParameterizedTest(name = "{0} matches \"{1}\": {2}")
        @CsvSource(delimiter = '|', textBlock = """
                speedup {num >= 1.3}  | speedup 1.3   | true
                speedup {num >= 1.3}  | speedup 1.30  | true
                speedup {num >= 1.3}  | speedup 2e0   | true
                speedup {num >= 1.3}  | speedup 1.25  | false
                n {int > 0}           | n 1           | true
                n {int > 0}           | n 0           | false
                n {int < 0}           | n -1          | true
                n {int <= 10}         | n 10          | true
                n {int <= 10}         | n 11          | false
                n {int:count = 4}     | n 4           | true
                n {int:count = 4}     | n 5           | false
                n {int:count>0}       | n 7           | true
                """)
        void compareBoundedNumbersByValue(String expected, String actual, boolean matches) {
            assertThat(match(expect(expected), actual).matched()).isEqualTo(matches);
        }

        @ParameterizedTest(name = "{0} matches \"{1}\": {2}")
        @CsvSource(delimiter = '|', textBlock = """
                {num >= 1}                              | 1e9999999999                    | true
                {num < 1}                               | 1e9999999999                    | false
                {num > 0}                               | 1e-9999999999                   | true
                {num < 1e-999}                          | 1e-9999999999                   | true
                {num < 0}                               | -1e9999999999                   | true
                {num > 1e9999999998}                    | 1e9999999999                    | true
                {num = 1}                               | 10e-1                           | true
                {int < 5}                               | 123456789012345678901234567890  | false
                {int > 123456789012345678901234567889}  | 123456789012345678901234567890  | true
                {int = 0}                               | -0                              | true
                """)
        void compareNumbersOfAnySizeExactlyAndWithoutFailing(String expected, String actual, boolean matches) {
            assertThat(match(expect(expected), actual).matched()).isEqualTo(matches);
        }

        @Test
        void sayWhichBoundFailedInFewWordsHoweverLargeTheNumbers() {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertThat(failure(expect("{int > 1e999999999}"), "5"))
                        .isEqualTo("line 1: got 5, but it must be > 1e999999999");
                assertThat(failure(expect("{int < 0}"), "9".repeat(500))).hasSizeLessThan(200);
            });
        }

        @Test
        void failABoundOnANameThatCapturedAWord() {
            assertThat(failure(expect("{word:x} {int:x > 0}"), "abc abc"))
                    .isEqualTo("line 1: got abc, but it must be > 0");
        }

        @Test
        void keepABackReferenceMeaningAGroupOfItsOwnRegex() {
            assertThat(match(expect("{word} {/(\\w)\\1/}"), "x aa").matched()).isTrue();
            assertThat(match(expect("{word} {/(\\w)\\1/}"), "x ab").matched()).isFalse();
            assertThat(match(expect("{/(a)/}{/(b)\\1/}"), "abb").matched()).isTrue();
            assertThat(match(expect("{/(a)/}{/(b)\\1/}"), "aba").matched()).isFalse();
            assertThat(match(expect("{/(a)\\10/}"), "aa0").matched()).isTrue();
        }

        @Test
        void sayWhichBoundFailed() {
            assertThat(failure(expect("speedup {num >= 1.3}"), "speedup 1.25"))
                    .isEqualTo("line 1: got 1.25, but it must be >= 1.3");
        }
    }

    @Nested
    class Ellipsis {
        @Test
        void matchNoLinesOrMany() {
            Expectation expectation = expect("start", "...", "done");
            assertThat(match(expectation, "start", "done").matched()).isTrue();
            assertThat(match(expectation, "start", "a", "b", "c", "done").matched())
                    .isTrue();
        }

        @Test
        void mayStandAnywhereAndMoreThanOnce() {
            Expectation expectation = expect("...", "a", "...", "b", "...");
            assertThat(match(expectation, "a", "b").matched()).isTrue();
            assertThat(match(expectation, "x", "a", "y", "z", "b", "w").matched())
                    .isTrue();
            assertThat(match(expectation, "b", "a").matched()).isFalse();
        }

        @Test
        void allowExtraOutputOnlyAtTheEndWhenWrittenLast() {
            assertThat(match(expect("a", "..."), "a", "b", "c").matched()).isTrue();
            assertThat(match(expect("a"), "a", "b").matched()).isFalse();
        }

        @Test
        void sayWhatNeverCame() {
            assertThat(failure(expect("start", "...", "done"), "start", "working", "working"))
                    .isEqualTo("line 3: expected \"done\" but the output ended");
        }

        @Test
        void reportTheLineAfterTheFurthestMatch() {
            assertThat(failure(expect("a", "...", "b", "c"), "a", "b", "x", "c"))
                    .isEqualTo("line 4: expected \"c\" but got \"x\"");
        }

        @Test
        void preferANearMissToAPlainMismatch() {
            assertThat(failure(expect("pid {pid:p}", "...", "again {pid:p}"), "pid 1", "again 2", "more", "more"))
                    .isEqualTo("line 3: «p» must be \"1\" again but got \"2\"");
        }

        @Test
        void showSwallowedLinesBesideTheDots() {
            MatchResult result = match(expect("start", "...", "done"), "start", "a", "b", "done");
            assertThat(result.rows())
                    .extracting(Row::expected, Row::expectedLine, Row::mark)
                    .containsExactly(
                            tuple(Optional.of("start"), 1, Mark.MATCH),
                            tuple(Optional.of("..."), 2, Mark.MATCH),
                            tuple(Optional.of("..."), 2, Mark.MATCH),
                            tuple(Optional.of("done"), 3, Mark.MATCH));
        }

        @Test
        void stayFastOnLongOutput() {
            List<String> texts = new ArrayList<>();
            texts.add("a");
            IntStream.range(0, 5_000).forEach(i -> texts.add("noise " + i));
            texts.add("b");
            IntStream.range(0, 5_000).forEach(i -> texts.add("noise " + i));
            List<OutputLine> output = output(texts.toArray(String[]::new));
            List<OutputLine> withC = new ArrayList<>(output);
            withC.add(OutputLine.out(99_999, "main", "c"));
            Expectation expectation = expect("a", "...", "b", "...", "c");
            assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
                assertThat(Fixtures.match(expectation, withC).matched()).isTrue();
                MatchResult failed = Fixtures.match(expectation, output);
                assertThat(failed.failure().orElseThrow()).contains("line 5: expected \"c\" but the output ended");
                assertThat(failed.rows()).hasSize(output.size() + 1);
            });
        }

        @Test
        void handleALongExpectationWithoutRunningOutOfStack() {
            String[] texts =
                    IntStream.range(0, 10_000).mapToObj(i -> "line " + i).toArray(String[]::new);
            assertThat(match(expect(texts), texts).matched()).isTrue();
        }

        @Test
        void giveUpInBoundedTimeWhenThereAreTooManyWays() {
            String[] texts = IntStream.range(0, 10_000).mapToObj(i -> "n " + i).toArray(String[]::new);
            Expectation expectation = expect("...", "n {int:x}", "...", "n {int:x}");
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThat(failure(expectation, texts))
                            .matches("line [1-4]: gave up: .*")
                            .contains("gave up: there are too many ways to match "
                                    + "these 10000 output lines (fewer \"...\" or named placeholders would help); the furthest it got: "
                                    + "line 4: «x» must be"));
        }

        @Test
        void treatThousandsOfDotsInARowAsOne() {
            List<String> lines = new ArrayList<>(java.util.Collections.nCopies(5_000, "..."));
            lines.add("y");
            Expectation expectation = expect(lines.toArray(String[]::new));
            String[] texts = java.util.Collections.nCopies(10_000, "x").toArray(String[]::new);
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertThat(failure(expectation, texts)).isEqualTo("line 5001: expected \"y\" but the output ended");
                assertThat(match(expectation, "x", "y").matched()).isTrue();
            });
        }

        @Test
        void stayFastWithThousandsOfDotsBetweenLinesThatRecur() {
            List<String> lines = new ArrayList<>();
            IntStream.range(0, 3_000).forEach(i -> lines.addAll(List.of("...", "x")));
            lines.add("y");
            Expectation expectation = expect(lines.toArray(String[]::new));
            String[] texts = java.util.Collections.nCopies(10_000, "x").toArray(String[]::new);
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThat(failure(expectation, texts))
                            .isEqualTo("line 6001: expected \"y\" but the output ended"));
        }

        @Test
        void stayFastWhenTheLastOfManyLinesAfterDotsNeverComes() {
            String[] texts =
                    IntStream.range(0, 10_000).mapToObj(i -> "line " + i).toArray(String[]::new);
            List<String> lines = new ArrayList<>();
            IntStream.range(0, 1_000).forEach(i -> lines.addAll(List.of("...", "line " + 10 * i)));
            lines.addAll(List.of("...", "never"));
            Expectation expectation = expect(lines.toArray(String[]::new));
            assertTimeoutPreemptively(
                    Duration.ofSeconds(3),
                    () -> assertThat(failure(expectation, texts))
                            .isEqualTo("line 2002: expected \"never\" but the output ended"));
        }

        @Test
        void stayFastWithBlocksBetweenManyDots() {
            String[] texts =
                    IntStream.range(0, 10_000).mapToObj(i -> "line " + i).toArray(String[]::new);
            List<String> lines = new ArrayList<>();
            IntStream.range(0, 3_000)
                    .forEach(i -> lines.addAll(List.of("...", ":: unordered", "line {int}", ":: end")));
            lines.add("x");
            Expectation expectation = expect(lines.toArray(String[]::new));
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThat(failure(expectation, texts))
                            .isEqualTo("line 12001: expected \"x\" but the output ended"));
        }

        @Test
        void giveUpInBoundedTimeWhenEveryLineBindsANameOfItsOwn() {
            String[] texts =
                    IntStream.range(0, 10_000).mapToObj(i -> "line " + i).toArray(String[]::new);
            List<String> lines = new ArrayList<>();
            IntStream.range(0, 500).forEach(i -> lines.addAll(List.of("...", "line {int:x" + i + "}")));
            lines.add("nope");
            Expectation expectation = expect(lines.toArray(String[]::new));
            assertTimeoutPreemptively(
                    Duration.ofSeconds(8),
                    () -> assertThat(failure(expectation, texts))
                            .matches("line \\d+: gave up: there are too many ways to match .*"));
        }

        @Test
        void stayFastWhenALineNeverComes() {
            String[] texts =
                    IntStream.range(0, 10_000).mapToObj(i -> "noise " + i).toArray(String[]::new);
            Expectation expectation = expect("...", "x {int:n}", "...", "y", "...", "z");
            assertTimeoutPreemptively(
                    Duration.ofSeconds(1),
                    () -> assertThat(failure(expectation, texts))
                            .isEqualTo("line 2: expected \"x {int:n}\" but the output ended"));
        }
    }

    @Nested
    class CostlyRegexes {
        @Test
        void stopARegexThatBacktracksWithoutEndAndNameItsLine() {
            Expectation expectation = expect("start", "{/((a+)+)+b/}", "end");
            MatchResult result = assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> match(expectation, "start", "a".repeat(40), "end"));
            assertThat(result.failure().orElseThrow())
                    .startsWith("line 2: \"{/((a+)+)+b/}\" takes too long to match \"aaaa")
                    .contains("backtracks");
            assertThat(result.rows()).hasSize(3);
        }

        @Test
        void stopOneInsideABlockToo() {
            Expectation expectation = expect(":: unordered", "{/(a+)+\\1b/}", "end", ":: end");
            String failure =
                    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> failure(expectation, "end", "a".repeat(40)));
            assertThat(failure).startsWith("line 2: ").contains("takes too long");
        }

        @Test
        void failTheClassicExampleInBoundedTime() {
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThat(match(expect("{/(a+)+b/}"), "a".repeat(40)).matched())
                            .isFalse());
        }

        @Test
        void stopARegexThatRecursesTooDeepOnALongLine() {
            String failure = assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> failure(expect("{/(a|b)*c/}"), "ab".repeat(200_000)));
            assertThat(failure).startsWith("line 1: ").contains("takes too long");
        }
    }

    @Nested
    class Unordered {
        @Test
        void matchTheLinesInAnyOrder() {
            Expectation expectation = expect(":: unordered", "a", "b", "c", ":: end", "done");
            assertThat(match(expectation, "c", "a", "b", "done").matched()).isTrue();
            assertThat(match(expectation, "b", "c", "a", "done").matched()).isTrue();
        }

        @Test
        void takeAsManyLinesAsTheBlockHas() {
            Expectation expectation = expect(":: unordered", "a", "b", ":: end", "done");
            assertThat(match(expectation, "a", "done", "b").matched()).isFalse();
            assertThat(match(expectation, "a", "a", "done").matched()).isFalse();
        }

        @Test
        void searchPastAPlaceholderThatTakesTheWrongLine() {
            // Greedy pairing would give "b" to {any} first and leave nothing for "b".
            Expectation expectation = expect(":: unordered", "{any}", "b", ":: end");
            assertThat(match(expectation, "b", "a").matched()).isTrue();
        }

        @Test
        void tryEveryPairingThatBindsDifferently() {
            // Only "a = y" lets the last line match.
            Expectation expectation =
                    expect(":: unordered", "{word:a} ready", "{word:b} ready", ":: end", "first was {word:a}");
            assertThat(match(expectation, "x ready", "y ready", "first was y").matched())
                    .isTrue();
        }

        @Test
        void nameTheLineNothingWasLeftFor() {
            assertThat(failure(expect(":: unordered", "a", "b", "c", ":: end"), "c", "x", "a"))
                    .isEqualTo(
                            "line 3: unordered block (lines 1-5): no output line is left to match \"b\" (left over: \"x\")");
        }

        @Test
        void sayWhenTheOutputEndedInsideTheBlock() {
            assertThat(failure(expect(":: unordered", "a", "b", ":: end"), "b"))
                    .isEqualTo("line 2: unordered block (lines 1-4): no output line is left to match \"a\" "
                            + "(the output ended after 1 of the block's 2 lines)");
        }

        @Test
        void showEachOutputLineBesideTheLineItMatched() {
            MatchResult result = match(expect(":: unordered", "a", "b", ":: end"), "b", "a");
            assertThat(result.rows())
                    .extracting(Row::expected, Row::expectedLine)
                    .containsExactly(tuple(Optional.of("b"), 3), tuple(Optional.of("a"), 2));
        }
    }

    @Nested
    class PerThread {
        private final Expectation readme = expect(
                ":: per-thread",
                "[writer] put A",
                "[writer] put B",
                "[reader] got A",
                "[reader] got B",
                ":: end",
                "main: done");

        private List<OutputLine> lines(String... threadAndText) {
            List<OutputLine> lines = new ArrayList<>();
            for (String line : threadAndText) {
                String[] parts = line.split(": ", 2);
                lines.add(OutputLine.out(lines.size(), parts[0], parts[1]));
            }
            return lines;
        }

        @Test
        void acceptAnyInterleavingThatKeepsEachThreadsOrder() {
            assertThat(match(
                                    readme,
                                    lines(
                                            "writer: put A",
                                            "reader: got A",
                                            "writer: put B",
                                            "reader: got B",
                                            "main: main: done"))
                            .matched())
                    .isTrue();
            assertThat(match(
                                    readme,
                                    lines(
                                            "writer: put A",
                                            "writer: put B",
                                            "reader: got A",
                                            "reader: got B",
                                            "main: main: done"))
                            .matched())
                    .isTrue();
        }

        @Test
        void rejectAThreadWhoseLinesAreOutOfOrder() {
            assertThat(match(
                                    readme,
                                    lines(
                                            "reader: got B",
                                            "reader: got A",
                                            "writer: put A",
                                            "writer: put B",
                                            "main: main: done"))
                            .failure()
                            .orElseThrow())
                    .contains(
                            "line 4: per-thread block (lines 1-6): thread \"reader\" printed \"got B\" where \"got A\" was expected");
        }

        @Test
        void rejectLinesOfTheWrongThread() {
            assertThat(match(
                                    readme,
                                    lines(
                                            "writer: put A",
                                            "reader: put B",
                                            "reader: got A",
                                            "reader: got B",
                                            "main: main: done"))
                            .failure()
                            .orElseThrow())
                    .contains(
                            "line 3: per-thread block (lines 1-6): thread \"writer\" did not print \"put B\" among the block's 4 output lines");
        }

        @Test
        void rejectAThreadTheBlockDoesNotName() {
            Expectation expectation = expect(":: per-thread", "[a] x", ":: end");
            assertThat(match(expectation, lines("b: x")).failure().orElseThrow())
                    .contains("line 2: per-thread block (lines 1-3): thread \"a\" did not print \"x\"");
        }

        @Test
        void sayWhenTheOutputEndedInsideTheBlock() {
            assertThat(match(readme, lines("writer: put A", "writer: put B", "reader: got A"))
                            .failure()
                            .orElseThrow())
                    .contains(
                            "line 5: per-thread block (lines 1-6): thread \"reader\" did not print \"got B\" before the output ended");
        }

        @Test
        void pairEachOutputLineWithItsExpectedLine() {
            MatchResult result = match(
                    readme,
                    lines("writer: put A", "reader: got A", "writer: put B", "reader: got B", "main: main: done"));
            assertThat(result.rows()).extracting(Row::expectedLine).containsExactly(2, 4, 3, 5, 7);
        }

        @Test
        void letVariablesStandForWhicheverThreadsTurnUp() {
            Expectation expectation = expect(":: per-thread", "[$a] hello", "[$b] hello", ":: end");
            assertThat(match(expectation, lines("t1: hello", "t2: hello")).matched())
                    .isTrue();
            assertThat(match(expectation, lines("t1: hello", "t1: hello")).matched())
                    .isFalse();
        }

        @Test
        void keepAVariablesThreadForTheLinesAfter() {
            Expectation expectation = expect(
                    ":: per-thread",
                    "[$a] start",
                    "[$b] start",
                    ":: end",
                    ":: per-thread",
                    "[$b] stop",
                    "[$a] stop",
                    "[main] joined",
                    ":: end");
            assertThat(match(expectation, lines("t1: start", "t2: start", "t2: stop", "main: joined", "t1: stop"))
                            .matched())
                    .isTrue();
        }

        @Test
        void findTheAssignmentThatLaterLinesNeed() {
            Expectation expectation = expect(
                    ":: per-thread",
                    "[$a] ready",
                    "[$b] ready",
                    ":: end",
                    ":: per-thread",
                    "[$a] first",
                    ":: end",
                    ":: per-thread",
                    "[$b] second",
                    ":: end");
            assertThat(match(expectation, lines("t1: ready", "t2: ready", "t2: first", "t1: second"))
                            .matched())
                    .isTrue();
            assertThat(match(expectation, lines("t1: ready", "t2: ready", "t2: first", "t2: second"))
                            .matched())
                    .isFalse();
        }

        @Test
        void notLetAVariableTakeAThreadTheBlockNames() {
            Expectation expectation = expect(":: per-thread", "[main] x", "[$a] x", ":: end");
            assertThat(match(expectation, lines("main: x", "main: x")).matched())
                    .isFalse();
            assertThat(match(expectation, lines("main: x", "w: x")).matched()).isTrue();
        }

        @Test
        void mentionTheVariableInMessages() {
            Expectation expectation = expect(":: per-thread", "[$a] one", "[$a] two", ":: end");
            assertThat(match(expectation, lines("w: one", "w: three")).failure().orElseThrow())
                    .contains("thread \"w\" ([$a]) printed \"three\" where \"two\" was expected");
        }

        @Test
        void rejectAThreadThatPrintsMoreThanItsLines() {
            Expectation expectation = expect(":: per-thread", "[a] x", "[b] y", ":: end");
            assertThat(match(expectation, lines("a: x", "a: x")).failure().orElseThrow())
                    .isEqualTo(
                            "line 2: per-thread block (lines 1-4): thread \"a\" printed \"x\" after its last expected line");
            assertThat(match(expect(":: per-thread", "[a] x", ":: end"), lines("a: x", "a: z"))
                            .failure()
                            .orElseThrow())
                    .isEqualTo("output line 2 \"z\" is extra: the expectation ended at line 3");
        }

        @Test
        void sayWhenNoThreadIsLeftForAVariable() {
            Expectation expectation = expect(":: per-thread", "[$a] y", "[main] x", ":: end");
            assertThat(match(expectation, lines("main: x", "main: y")).failure().orElseThrow())
                    .isEqualTo("line 2: per-thread block (lines 1-4): no other thread is left for [$a] to print \"y\"");
        }

        @Test
        void carryCapturesToTheLinesAfterTheBlock() {
            Expectation expectation = expect(":: per-thread", "[a] token {int:t}", ":: end", "main got {int:t}");
            assertThat(match(expectation, lines("a: token 7", "main: main got 7"))
                            .matched())
                    .isTrue();
            assertThat(match(expectation, lines("a: token 7", "main: main got 8"))
                            .failure()
                            .orElseThrow())
                    .isEqualTo("line 4: «t» must be \"7\" again but got \"8\"");
        }

        @Test
        void checkCapturesAcrossThreads() {
            Expectation expectation = expect(":: per-thread", "[a] token {int:t}", "[b] got {int:t}", ":: end");
            assertThat(match(expectation, lines("a: token 7", "b: got 7")).matched())
                    .isTrue();
            assertThat(match(expectation, lines("a: token 7", "b: got 8"))
                            .failure()
                            .orElseThrow())
                    .contains(
                            "line 3: per-thread block (lines 1-4): thread \"b\" printed \"got 8\": «t» must be \"7\" again but got \"8\"");
        }
    }

    @Nested
    class Timing {
        private final List<OutputLine> slow =
                List.of(OutputLine.out(100, "main", "start"), OutputLine.out(5_300, "main", "done"));

        @Test
        void checkTheTimeBetweenTwoLines() {
            assertThat(expect("start", ":: elapsed < 6s", "done")
                            .match(slow, Duration.ofSeconds(6), 0)
                            .matched())
                    .isTrue();
            assertThat(expect("start", ":: elapsed < 4.5s", "done")
                            .match(slow, Duration.ofSeconds(6), 0)
                            .failure()
                            .orElseThrow())
                    .contains("line 2: 5.20 s elapsed between \"start\" and \"done\", expected < 4.5 s");
        }

        @Test
        void measureFromTheStartOfMainAtTheTop() {
            assertThat(expect(":: elapsed >= 500ms", "start", "done")
                            .match(slow, Duration.ofSeconds(6), 0)
                            .failure()
                            .orElseThrow())
                    .contains("line 1: 100 ms elapsed between the start of main and \"start\", expected >= 500 ms");
        }

        @Test
        void measureToTheEndOfTheRunAtTheBottom() {
            assertThat(expect("start", "done", ":: elapsed < 1s")
                            .match(slow, Duration.ofMillis(5_500), 0)
                            .matched())
                    .isTrue();
            assertThat(expect("start", "done", ":: elapsed < 1s")
                            .match(slow, Duration.ofSeconds(7), 0)
                            .failure()
                            .orElseThrow())
                    .contains("line 3: 1.70 s elapsed between \"done\" and the end of the run, expected < 1 s");
        }

        @Test
        void steerTheSearchToTheAlignmentThatKeepsTime() {
            List<OutputLine> output = List.of(
                    OutputLine.out(10, "main", "ping"),
                    OutputLine.out(2_000, "main", "ping"),
                    OutputLine.out(2_010, "main", "bye"));
            MatchResult result =
                    expect("...", ":: elapsed > 1s", "ping", "...").match(output, Duration.ofSeconds(3), 0);
            assertThat(result.matched()).isTrue();
            assertThat(result.rows())
                    .extracting(Row::expected)
                    .containsExactly(Optional.of("..."), Optional.of("ping"), Optional.of("..."));
        }

        @Test
        void reportTheWrongLineRatherThanItsTime() {
            assertThat(expect("start", ":: elapsed < 1s", "done")
                            .match(
                                    List.of(OutputLine.out(0, "main", "start"), OutputLine.out(3_000, "main", "oops")),
                                    Duration.ofSeconds(4),
                                    0)
                            .failure()
                            .orElseThrow())
                    .contains("line 3: expected \"done\" but got \"oops\"");
        }

        @Test
        void compareWithABoundTooLongForADuration() {
            assertThat(match(expect("a", ":: elapsed < 99999999999999999999s", ":: total < 99999999999999999999m"), "a")
                            .matched())
                    .isTrue();
            assertThat(match(expect("a", ":: elapsed > 99999999999999999999s"), "a")
                            .matched())
                    .isFalse();
        }

        @Test
        void checkTheWholeRun() {
            Expectation expectation = expect(":: total < 2m", ":: total >= 1s", "start", "done");
            assertThat(expectation.match(slow, Duration.ofSeconds(6), 0).matched())
                    .isTrue();
            assertThat(expectation
                            .match(slow, Duration.ofMinutes(3), 0)
                            .failure()
                            .orElseThrow())
                    .contains("line 1: the run took 3.00 min, expected < 2 min");
        }
    }

    @Nested
    class ExitCode {
        @Test
        void mustBe0UnlessTheBlockSaysOtherwise() {
            assertThat(expect("x")
                            .match(output("x"), Duration.ZERO, 3)
                            .failure()
                            .orElseThrow())
                    .contains("exit code 3, expected 0");
            assertThat(expect("x", ":: exit 3")
                            .match(output("x"), Duration.ZERO, 3)
                            .matched())
                    .isTrue();
            assertThat(expect("x", ":: exit 3")
                            .match(output("x"), Duration.ZERO, 0)
                            .failure()
                            .orElseThrow())
                    .contains("line 2: exit code 0, expected 3");
        }

        @Test
        void comesAfterTheLinesWhenBothAreWrong() {
            assertThat(expect("x")
                            .match(output("y"), Duration.ZERO, 1)
                            .failure()
                            .orElseThrow())
                    .contains("line 1: expected \"x\" but got \"y\"; also exit code 1, expected 0");
        }

        @Test
        void keepsTheRowsOfALineMatch() {
            MatchResult result = expect("x").match(output("x"), Duration.ZERO, 1);
            assertThat(result.rows()).extracting(Row::mark).containsExactly(Mark.MATCH);
        }
    }

    @Nested
    class RowsOfAFailure {
        private List<Mark> marks(Expectation expectation, String... output) {
            return match(expectation, output).rows().stream().map(Row::mark).toList();
        }

        @Test
        void showAChangedLineAsAMismatchAndTheLinesAfterItAsUnchecked() {
            assertThat(marks(expect("a", "b", "c"), "a", "x", "c"))
                    .containsExactly(Mark.MATCH, Mark.MISMATCH, Mark.UNCHECKED);
        }

        @Test
        void neverCallALineAfterTheFailureMatched() {
            // "again 2" has the shape of its line but breaks the capture; "done" the matcher never reached
            assertThat(marks(expect("pid {pid:p}", "again {pid:p}", "done"), "pid 1", "again 2", "done"))
                    .containsExactly(Mark.MATCH, Mark.MISMATCH, Mark.UNCHECKED);
        }

        @Test
        void showAMissingLine() {
            MatchResult result = match(expect("a", "b", "c"), "a", "c");
            assertThat(result.rows()).extracting(Row::mark).containsExactly(Mark.MATCH, Mark.MISSING, Mark.UNCHECKED);
            assertThat(result.rows().get(1)).isEqualTo(new Row(Optional.empty(), Optional.of("b"), 2, Mark.MISSING));
        }

        @Test
        void showAnExtraLine() {
            MatchResult result = match(expect("a", "c"), "a", "b", "c");
            assertThat(result.rows()).extracting(Row::mark).containsExactly(Mark.MATCH, Mark.EXTRA, Mark.UNCHECKED);
            assertThat(result.rows().get(1).expectedLine()).isZero();
        }

        @Test
        void lineUpPlaceholdersByShape() {
            assertThat(marks(expect("n={int}", "done"), "n=x", "done")).containsExactly(Mark.MISMATCH, Mark.UNCHECKED);
        }

        @Test
        void keepWhatMatchedBeforeTheFailure() {
            MatchResult result = match(expect("a", "...", "z"), "a", "b", "c");
            assertThat(result.rows())
                    .extracting(Row::mark)
                    .containsExactly(Mark.MATCH, Mark.MATCH, Mark.MATCH, Mark.MISSING);
        }

        @Test
        void showAllOutputWhenTheExpectationIsShort() {
            String[] texts =
                    IntStream.range(0, 10_000).mapToObj(i -> "line " + i).toArray(String[]::new);
            MatchResult result = match(expect("line 0", "nope"), texts);
            assertThat(result.rows())
                    .filteredOn(row -> row.actual().isPresent())
                    .hasSize(10_000);
        }
    }
}
