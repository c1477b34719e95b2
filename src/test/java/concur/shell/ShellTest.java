package concur.shell;

import static org.assertj.core.api.Assertions.assertThat;

import concur.lesson.Catalog;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shell on a dumb terminal fed from a string: what it does with its history file. */
class ShellTest {
    @TempDir
    Path dir;

    /** What the shell showed, and the commands it ran. */
    record Session(int status, String screen, List<List<String>> ran) {}

    private Session session(Path history, String typed) throws Exception {
        return session(history, typed, Optional.empty());
    }

    private Session session(Path history, String typed, Optional<String> welcome) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        List<List<String>> ran = new ArrayList<>();
        // Typed keys stay open until the shell has read them all: at end of input the terminal would close first.
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keys);
        keys.write(typed.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        int status;
        try (keys;
                // A dumb terminal made directly: the builder may pick a pty-backed one whose output a thread
                // pumps, so the screen could be read before the last lines arrived.
                Terminal terminal = new DumbTerminal("concur-test", "dumb", input, screen, StandardCharsets.UTF_8)) {
            ShellCompleter completer = new ShellCompleter(new Catalog(dir), List.of("list"), List.of());
            status = new Shell(terminal, Map.of("list", "the lessons"), completer, history, words -> {
                        ran.add(words);
                        return 0;
                    })
                    .loop(welcome);
            terminal.writer().flush();
            terminal.flush();
        }
        // Read the screen once the terminal is closed: everything it was given has been written by then.
        return new Session(status, screen.toString(StandardCharsets.UTF_8), ran);
    }

    @Test
    void keepsTheHistoryInItsFile() throws Exception {
        Path history = dir.resolve("data/concur/history");

        Session session = session(history, "list\nexit\n");

        assertThat(session.ran()).containsExactly(List.of("list"));
        assertThat(history).content().contains("list");
        assertThat(session.screen()).doesNotContain("history");
    }

    @ParameterizedTest(name = "history that is {0}")
    @ValueSource(strings = {"a folder", "under a file", "not UTF-8"})
    void goesOnWithOneWarningWhenTheHistoryCannotBeKept(String kind) throws Exception {
        Path history = switch (kind) {
            case "a folder" -> Files.createDirectories(dir.resolve("history"));
            case "under a file" ->
                Files.writeString(dir.resolve("file"), "in the way").resolve("history");
            default -> Files.write(dir.resolve("history"), new byte[] {'l', 'i', 's', (byte) 0xE9, '\n'});
        };

        Session session = session(history, "list\nlist\nexit\n");

        assertThat(session.status()).isZero();
        assertThat(session.ran()).containsExactly(List.of("list"), List.of("list"));
        assertThat(session.screen())
                .containsOnlyOnce("concur: the history cannot be kept in " + history)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("could not save");
    }

    @Test
    void greetsALearnerWhoHasBeenHereBeforeOnce() throws Exception {
        Session session = session(
                dir.resolve("history"),
                "exit\n",
                Optional.of("Welcome back: concur lesson threads continues at step 4"));

        assertThat(session.screen()).containsOnlyOnce("Welcome back: concur lesson threads continues at step 4");
    }

    @Test
    void clearsTheScreenItselfAndListsClearInItsHelp() throws Exception {
        Session session = session(dir.resolve("history"), "clear\nhelp\nexit\n");

        assertThat(session.ran()).isEmpty();
        assertThat(session.screen()).containsPattern("(?m)^  clear +clear the screen");
    }
}
