package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher trains the lesson screen's start-up archive with this run after every build, with no terminal
 * and nobody at the keys: it must show what a learner's start shows, and end by itself.
 */
class StartTrainingTest {
    @TempDir
    Path dir;

    @Test
    void drawsTheFirstLessonsFirstStepInFullScreenAndEndsAtTheEndOfItsKeys() throws Exception {
        Settings settings = Settings.read(
                Map.of(
                        "XDG_DATA_HOME",
                        dir.toString(),
                        "CONCUR_WORKSPACE",
                        dir.resolve("ws").toString()),
                System.getProperties());
        ByteArrayOutputStream screen = new ByteArrayOutputStream();

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> StartTraining.train(settings, screen));

        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(shown)
                .as("the alternate screen entered and left")
                .contains("\033[?1049h")
                .contains("\033[?1049l");
        assertThat(shown).contains("step 1/");
        assertThat(shown).as("the source view, the s key").contains("source · Shift-drag selects");
        assertThat(Files.exists(dir.resolve("ws")))
                .as("only the settings' own folder is written")
                .isTrue();
    }
}
