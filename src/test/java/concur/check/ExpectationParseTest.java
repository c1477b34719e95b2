package concur.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every parse error names the line of the lesson at fault; the block here starts at line 20. */
class ExpectationParseTest {

    private static ExpectationException error(String... lines) {
        ExpectationException e =
                catchThrowableOfType(ExpectationException.class, () -> Expectation.parse(List.of(lines), 20));
        assertThat(e).as("a parse error").isNotNull();
        return e;
    }

    private static void assertError(int line, String problem, String... lines) {
        ExpectationException e = error(lines);
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).isEqualTo("line " + line + ": " + problem);
    }

    @Test
    void unknownPlaceholder() {
        assertError(21, "unknown placeholder {tread}", "ok", "thread {tread} ran");
    }

    @Test
    void somethingInBracesThatIsNoPlaceholder() {
        assertError(20, "unknown placeholder {\"a\": 1} (write {{ for a literal {)", "{\"a\": 1}");
    }

    @Test
    void unterminatedBrace() {
        assertError(20, "unterminated { at column 7 (write {{ for a literal {)", "count {int");
    }

    @Test
    void unterminatedRegex() {
        assertError(20, "unterminated {/ (end the regex with /})", "x {/a+");
        assertError(20, "unterminated { at column 3 (write {{ for a literal {)", "x {/a+/");
    }

    @Test
    void badRegex() {
        assertThat(error("ok", "{/a(/}").line()).isEqualTo(21);
        assertThat(error("ok", "{/a(/}").problem()).startsWith("bad regex /a(/: Unclosed group");
    }

    @Test
    void twoRegexesThatDefineTheSameGroup() {
        assertThat(error("ok", "{/(?<x>a)/} and {/(?<x>b)/}").line()).isEqualTo(21);
        assertThat(error("ok", "{/(?<x>a)/} and {/(?<x>b)/}").problem())
                .startsWith(
                        "the regexes of this line do not fit together: Named capturing group <x> is already defined");
    }

    @Test
    void aRegexThatTakesTheNameOfConcursOwnGroup() {
        assertThat(error("{/(?<concur0>a)/}").problem()).startsWith("the regexes of this line do not fit together: ");
    }

    @Test
    void boundsOfAnySizeAreNumbers() {
        assertThatCode(() -> Expectation.parse(List.of("{num > 1e9999999999}", "{int < -99999999999999999999999}"), 20))
                .doesNotThrowAnyException();
    }

    @Test
    void boundOnAPlaceholderThatIsNoNumber() {
        assertError(20, "only {int} and {num} take a bound, not {word > 3}", "{word > 3}");
        assertError(20, "only {int} and {num} take a bound, not {/\\d+/ > 3}", "{/\\d+/ > 3}");
    }

    @Test
    void boundThatIsNoNumber() {
        assertError(20, "the bound in {int > many} is not a number", "{int > many}");
    }

    @Test
    void unknownDirective() {
        assertError(
                21,
                "unknown directive \":: sorted\" (known: unordered, per-thread, end, elapsed, total, exit)",
                "a",
                ":: sorted");
    }

    @Test
    void endWithoutABlock() {
        assertError(21, ":: end without an open block", "a", ":: end");
    }

    @Test
    void blockNeverClosedIsReportedWhereItOpens() {
        assertError(
                21, ":: per-thread block is never closed with :: end", "a", ":: per-thread", "[main] x", "[main] y");
    }

    @Test
    void nestedBlocks() {
        assertError(
                22,
                "blocks do not nest: :: unordered inside the :: per-thread block of line 20",
                ":: per-thread",
                "[a] x",
                ":: unordered",
                ":: end",
                ":: end");
    }

    @Test
    void dotsInsideABlock() {
        assertError(
                21,
                "... inside a block: a block matches exactly as many lines as it has",
                ":: unordered",
                "...",
                ":: end");
    }

    @Test
    void perThreadLineWithoutALabel() {
        assertError(
                22,
                "a line of a :: per-thread block starts with [thread] or [$variable]",
                ":: per-thread",
                "[a] x",
                "y",
                ":: end");
        assertError(
                21,
                "a line of a :: per-thread block starts with [thread] or [$variable]",
                ":: per-thread",
                "[] y",
                ":: end");
    }

    @Test
    void badThreadVariable() {
        assertError(
                21, "bad thread variable [$a b]: write $ and a name, e.g. [$a]", ":: per-thread", "[$a b] y", ":: end");
    }

    @Test
    void directiveWithAnArgumentItDoesNotTake() {
        assertError(20, "unexpected \"please\" after :: unordered", ":: unordered please", "x", ":: end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"< 4.5 s", "< 4,5s", "< 45", "< 2h", "< -1s"})
    void malformedDuration(String bound) {
        assertThat(error("a", ":: elapsed " + bound).problem()).startsWith("malformed duration");
        assertThat(error("a", ":: total " + bound).line()).isEqualTo(21);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4.5s", "about 4.5s", "= 4.5s"})
    void timeBoundWithoutAComparison(String bound) {
        assertError(
                20, ":: elapsed needs <, <=, > or >= and a duration, e.g. :: elapsed < 4.5s", ":: elapsed " + bound);
    }

    @ParameterizedTest
    @ValueSource(strings = {"< 4.5s", "<= 500ms", "> 2m", ">=0.25s", "< 10s"})
    void validDurations(String bound) {
        assertThatCode(() -> Expectation.parse(List.of(":: elapsed " + bound, ":: total " + bound), 1))
                .doesNotThrowAnyException();
    }

    @Test
    void elapsedInsideABlock() {
        assertError(
                21,
                ":: elapsed inside a block: put it before or after the block",
                ":: unordered",
                ":: elapsed < 1s",
                ":: end");
    }

    @ParameterizedTest
    @ValueSource(strings = {":: exit", ":: exit zero", ":: exit 1.5", ":: exit 99999999999"})
    void exitWithoutAnInteger(String line) {
        assertError(21, ":: exit needs an integer, e.g. :: exit 3", "a", line);
    }

    @Test
    void exitTwice() {
        assertError(21, "a second :: exit (the first is on line 20)", ":: exit 1", ":: exit 2");
    }

    @Test
    void displayLinesLeaveOutDirectivesButKeepTheDots() throws ExpectationException {
        Expectation expectation = Expectation.parse(
                List.of("start  ", "...", ":: elapsed < 1s", ":: per-thread", "[a] x {int}", ":: end", ":: exit 0"), 1);
        assertThat(expectation.displayLines()).containsExactly("start", "...", "[a] x {int}");
    }
}
