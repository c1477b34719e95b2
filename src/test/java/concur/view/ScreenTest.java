package concur.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ScreenTest {
    @Test
    void aTerminalGetsColoursAndItsOwnWidth() {
        assertThat(Screen.detect(true, "xterm-256color", false, OptionalInt.of(100)))
                .isEqualTo(new Screen(true, true, 100));
    }

    @Test
    void noColorTurnsColoursOffButKeepsTheTerminal() {
        assertThat(Screen.detect(true, "xterm", true, OptionalInt.of(100))).isEqualTo(new Screen(true, false, 100));
    }

    @Test
    void aDumbTerminalIsTreatedAsPlain() {
        Screen dumb = Screen.detect(true, "dumb", false, OptionalInt.of(100));
        assertThat(dumb.colour()).isFalse();
        assertThat(dumb.tty()).isFalse();
    }

    @Test
    void pipedOutputIsPlainAndAlwaysTheSameWidth() {
        assertThat(Screen.detect(false, "xterm", false, OptionalInt.of(33))).isEqualTo(Screen.plain());
    }

    @Test
    void aMissingOrSillyWidthFallsBackSensibly() {
        assertThat(Screen.detect(true, "", false, OptionalInt.empty()).width()).isEqualTo(80);
        assertThat(Screen.detect(true, "", false, OptionalInt.of(5)).width()).isEqualTo(Screen.MIN_WIDTH);
    }
}
