package concur.check;

import static concur.check.Fixtures.expect;
import static concur.check.Fixtures.match;
import static org.assertj.core.api.Assertions.assertThat;

import concur.run.OutputLine;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedWordsTest {
    @Test
    void placeholdersAreSaidInWords() {
        assertThat(ExpectedWords.line("{int}, {num}, {pid}, {thread}, {word} and {any}"))
                .isEqualTo("«integer», «number», «process id», «thread name», «word» and «anything»");
    }

    @Test
    void aBoundKeepsItsComparison() {
        assertThat(ExpectedWords.line("speedup {num >= 1.3}x")).isEqualTo("speedup «number >= 1.3»x");
        assertThat(ExpectedWords.line("{int:count > 0} tries")).isEqualTo("«count > 0» tries");
    }

    @Test
    void aNamedPlaceholderIsItsName() {
        assertThat(ExpectedWords.line("child {pid:child} of {pid:parent}")).isEqualTo("child «child» of «parent»");
    }

    @Test
    void aRegexIsShownBetweenSlashesUnlessItIsNamed() {
        assertThat(ExpectedWords.line("{/yes|no\\/maybe/}")).isEqualTo("«/yes|no/maybe/»");
        assertThat(ExpectedWords.line("on {/\\w+/:carrier}")).isEqualTo("on «carrier»");
    }

    @Test
    void literalTextAndEscapesStayAsTheyPrint() {
        assertThat(ExpectedWords.line("a {{literal} brace }")).isEqualTo("a {literal} brace }");
        assertThat(ExpectedWords.line("...")).isEqualTo("«any lines»");
        assertThat(ExpectedWords.line("plain")).isEqualTo("plain");
    }

    @Test
    void blocksAndTimeBoundsAreSaidInTheRowsOfAMatch() {
        Expectation expectation = expect(
                ":: per-thread",
                "[$a] hi {int}",
                "[w] ok",
                ":: end",
                ":: unordered",
                "x",
                ":: end",
                ":: elapsed >= 1s",
                "after");
        List<OutputLine> output = List.of(
                OutputLine.out(0, "t", "hi 3"),
                OutputLine.out(1, "w", "ok"),
                OutputLine.out(2, "main", "x"),
                OutputLine.out(1500, "main", "after"));

        assertThat(match(expectation, output).rows())
                .extracting(Row::inWords)
                .containsExactly(
                        Optional.of("[«a»] hi «integer»"),
                        Optional.of("[w] ok"),
                        Optional.of("[any order] x"),
                        Optional.of("«>= 1 s later» after"));
        assertThat(expectation.displayLines()).as("as written").contains("[$a] hi {int}");
    }

    @Test
    void theLegendSaysWhatTheShownWordsMeanAndIsEmptyWithoutThem() {
        assertThat(ExpectedWords.legend(List.of("plain", "lines"))).isEmpty();
        assertThat(ExpectedWords.legend(List.of("count «integer»"))).contains(List.of("«…» varies from run to run"));
        assertThat(ExpectedWords.legend(List.of("«parent» «child»", "«/a|b/»", "[w] put", "[any order] x")))
                .hasValueSatisfying(items -> assertThat(String.join("; ", items))
                        .contains(
                                "«parent» «child»: the same value each time",
                                "«/…/» text that fits a regular expression",
                                "[w] a line of that thread, in its own order",
                                "[any order] the block's lines in any order"));
    }
}
