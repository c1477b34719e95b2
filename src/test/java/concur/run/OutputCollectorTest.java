package concur.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputCollectorTest {
    private final List<OutputLine> live = new ArrayList<>();
    private final OutputCollector output = new OutputCollector(10_000, live::add, new RunClock(System.nanoTime()));

    private void print(String text) {
        output.add(OutputLine.out(0, "main", text), text.length(), 0);
    }

    @Test
    void keepsNoMoreThanItsCharacterBudgetAndCountsTheBytesItLeavesOut() {
        String line = "x".repeat(4_000);
        for (int i = 0; i < 1_001; i++) {
            print(line); // the 1,001st goes past 4,000,000 characters
        }
        print("short");

        assertThat(output.kept()).hasSize(1_000);
        assertThat(live).hasSize(1_000);
        assertThat(output.total()).isEqualTo(1_002);
        assertThat(output.notShown()).isEqualTo(new RunResult.NotShown(4_005, java.util.Optional.empty()));
        assertThat(output.last())
                .last()
                .extracting(OutputLine::text)
                .as("the last lines are still shown")
                .isEqualTo("short");
    }

    @Test
    void keepsNoMoreThanItsLineLimitAndNoLineAfterOneItLeftOut() {
        OutputCollector few = new OutputCollector(2, line -> {}, new RunClock(System.nanoTime()));
        for (String text : List.of("one", "two", "three", "4")) {
            few.add(OutputLine.out(0, "main", text), text.length(), 0);
        }

        assertThat(few.kept()).extracting(OutputLine::text).containsExactly("one", "two");
        assertThat(few.notShown().bytes()).isEqualTo(6);
    }

    @Test
    void saysInTheLineHowManyBytesWereCutFromIt() {
        output.add(OutputLine.out(0, "main", "xxxx"), 4, 1_234_567);

        assertThat(output.kept())
                .extracting(OutputLine::text)
                .containsExactly("xxxx … (1,234,567 more bytes not shown)");
        assertThat(output.notShown().bytes()).isEqualTo(1_234_567);
    }
}
