package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class PaneTest {
    private final Pane pane = new Pane();

    private static List<AttributedString> rows(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> new AttributedString("row " + i))
                .toList();
    }

    private static List<String> shown(Pane pane) {
        return pane.window().stream().map(AttributedString::toString).toList();
    }

    @Test
    void wrapsALongRowSoEveryCharacterCanBeRead() {
        String longLine = "x".repeat(75) + " exit code 143 = 128 + 15";

        List<AttributedString> wrapped = Pane.wrap(List.of(longLine), 60);

        assertThat(wrapped).hasSize(2);
        assertThat(wrapped.get(0).toString() + wrapped.get(1)).isEqualTo(longLine);
    }

    @Test
    void keepsColoursAndDropsLinkBytesAWindowWouldShow() {
        List<AttributedString> wrapped =
                Pane.wrap(List.of("\u001b]8;;file:///a\u001b\\a.java\u001b]8;;\u001b\\ \u001b[32mPASS\u001b[0m"), 80);

        assertThat(wrapped.get(0).toString()).isEqualTo("a.java PASS");
        assertThat(wrapped.get(0).styleAt(7)).isNotEqualTo(wrapped.get(0).styleAt(0));
    }

    @Test
    void followsTheEndAsRowsArrive() {
        pane.update(rows(5), 3);
        pane.update(rows(8), 3);

        assertThat(shown(pane)).containsExactly("row 6", "row 7", "row 8");
    }

    @Test
    void aLearnerWhoScrolledUpKeepsTheirPlaceWhileRowsArrive() {
        pane.update(rows(10), 3);
        pane.scroll(-5);
        pane.update(rows(20), 3);

        assertThat(shown(pane)).containsExactly("row 3", "row 4", "row 5");
        assertThat(pane.below()).isEqualTo(15);

        pane.end();
        pane.update(rows(25), 3);
        assertThat(shown(pane)).containsExactly("row 23", "row 24", "row 25");
    }

    @Test
    void aNewPageStartsAtItsTopAndPagesKeepOneRowOfContext() {
        pane.update(rows(10), 4);
        pane.reset();
        pane.update(rows(10), 4);
        assertThat(shown(pane)).startsWith("row 1");

        pane.page(1);
        assertThat(shown(pane)).startsWith("row 4");
        pane.page(10);
        assertThat(shown(pane)).endsWith("row 10");
        assertThat(pane.below()).isZero();
    }

    @Test
    void revealsARowThatIsOffScreen() {
        pane.update(rows(30), 5);
        pane.reset();
        pane.update(rows(30), 5);

        pane.reveal(20);

        assertThat(shown(pane)).startsWith("row 21");
    }
}
