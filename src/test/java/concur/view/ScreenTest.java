package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScreenTest {
    @Test
    void aTerminalGetsColoursAndItsOwnWidth() {
        assertThat(Screen.detect(Map.of("TERM", "xterm-256color"), "1", "100")).isEqualTo(new Screen(true, true, 100));
    }

    @Test
    void noColorTurnsColoursOffButKeepsTheTerminal() {
        assertThat(Screen.detect(Map.of("NO_COLOR", "", "TERM", "xterm"), "1", "100")).isEqualTo(new Screen(true, false, 100));
    }

    @Test
    void aDumbTerminalIsTreatedAsPlain() {
        Screen dumb = Screen.detect(Map.of("TERM", "dumb"), "1", "100");
        assertThat(dumb.colour()).isFalse();
        assertThat(dumb.tty()).isFalse();
    }

    @Test
    void pipedOutputIsPlainAndAlwaysTheSameWidth() {
        assertThat(Screen.detect(Map.of("COLUMNS", "33", "TERM", "xterm"), "0", "")).isEqualTo(Screen.plain());
    }

    @Test
    void aMissingOrSillyWidthFallsBackSensibly() {
        assertThat(Screen.detect(Map.of(), "1", "").width()).isEqualTo(80);
        assertThat(Screen.detect(Map.of(), "1", "5").width()).isEqualTo(Screen.MIN_WIDTH);
    }
}
