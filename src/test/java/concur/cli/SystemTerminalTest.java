package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.InfoCmp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SystemTerminalTest {
    @ParameterizedTest
    @ValueSource(strings = {"xterm-256color", "xterm", "screen-256color", "rxvt-unicode", "ansi", "dumb"})
    void aTypeJLineCarriesIsDescribedExactlyAsJLineDescribesIt(String term) {
        assertThat(InfoCmp.getDefaultInfoCmp(term)).isNotNull();
        assertThat(SystemTerminal.carried(term)).contains(InfoCmp.getDefaultInfoCmp(term));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tmux-256color", "", "../utils/xterm", "/org/jline/utils/xterm", "xterm\n", "x y"})
    void anyOtherTypeIsLeftToInfocmp(String term) {
        assertThat(SystemTerminal.carried(term)).isEmpty();
    }
}
