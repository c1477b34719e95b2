package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import concur.tmux.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code concur lesson} in a real terminal, as a person sees it: tmux runs it at 80x24 (the common size)
 * and 200x50, types the keys, and reads the screen.
 */
class LessonScreenEndToEndTest {
    private static final String LESSON = "src/test/resources/fixtures/screen.md";
    /** The words the long line is made of: each must be on screen for the line to be read in full. */
    private static final List<String> WORDS = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> String.format("w%02d", i))
            .toList();

    /** The wheel as a terminal reports it once asked to (SGR: button 64 up, 65 down, at column 10, row 5). */
    private static final String WHEEL_UP = "\033[<64;10;5M";

    private static final String WHEEL_DOWN = "\033[<65;10;5M";

    @TempDir
    Path home;

    private Tmux tmux = new Tmux();

    @BeforeEach
    void needsTmux() {
        assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it)");
    }

    @AfterEach
    void stopTmux() throws Exception {
        if (Tmux.installed()) {
            tmux.close();
        }
    }

    /** concur with its data in {@code home}; after it ends, the shell says how, and the session stays. */
    private void start(int columns, int rows, String... arguments) throws Exception {
        start(List.of(), columns, rows, arguments);
    }

    private void start(List<String> environment, int columns, int rows, String... arguments) throws Exception {
        List<String> env = new java.util.ArrayList<>(
                List.of("XDG_DATA_HOME=" + home, "CONCUR_WORKSPACE=" + home.resolve("workspace")));
        env.addAll(environment);
        tmux.start(Tmux.concur(env, arguments) + "; echo concur exited $?; sleep 600", columns, rows);
    }

    @Test
    void atEightyByTwentyFourTheStepWaitsForEnterAndALongLineIsReadInFull() throws Exception {
        start(80, 24, "lesson", LESSON);

        String first = tmux.await("screen · step 1/2");
        assertThat(first).contains("Enter run").doesNotContain("long line done");

        tmux.keys("Enter");
        String screen = tmux.await("PASS");
        assertThat(screen).contains(WORDS).contains("long line done").doesNotContain("…");
        assertThat(screen.lines().count()).isLessThanOrEqualTo(24);
    }

    @Test
    void atTwoHundredByFiftyTheLongLineIsReadInFullToo() throws Exception {
        start(200, 50, "lesson", LESSON);
        tmux.await("screen · step 1/2");

        tmux.keys("Enter");

        assertThat(tmux.await("PASS")).contains(WORDS).doesNotContain("…");
    }

    @Test
    void aResizeRedrawsTheScreenAtItsNewSize() throws Exception {
        start(80, 24, "lesson", LESSON);
        tmux.await("screen · step 1/2");
        tmux.keys("Enter");
        tmux.await("PASS");

        tmux.resize(60, 20);

        String screen = tmux.await("a screen 60 wide, heading on top, keys at the bottom", shown -> {
            List<String> rows = shown.lines().toList();
            return rows.size() == 20
                    && rows.get(0).contains("screen · step 1/2")
                    && rows.get(19).contains("Enter next")
                    && rows.stream().allMatch(row -> row.length() <= 60);
        });
        assertThat(screen).contains("output (expected below if not matched)"); // the narrow table's layout
    }

    @Test
    void inTheSourceViewTheWheelScrollsAndLeavingItGivesTheMouseBackToTheTerminal() throws Exception {
        start(80, 10, "lesson", LESSON); // 7 rows of pane: the 12-line source needs scrolling
        tmux.await("screen · step 1/2");
        assertThat(tmux.format("#{mouse_any_flag}"))
                .as("the step leaves drag-to-select to the terminal")
                .isEqualTo("0");

        tmux.keys("s");
        tmux.await("LongLine.java");
        assertThat(tmux.format("#{mouse_any_flag}"))
                .as("the source view reads the wheel")
                .isEqualTo("1");

        tmux.literal(WHEEL_DOWN);
        tmux.literal(WHEEL_DOWN);
        assertThat(tmux.await("the source scrolled by two notches", shown -> shown.contains("↑6")))
                .contains("q back  ↑↓ or wheel scroll");
        tmux.literal(WHEEL_UP);
        tmux.await("the source scrolled back one notch", shown -> shown.contains("↑3"));
        tmux.keys("Down"); // an arrow, an escape sequence too, scrolls the source and does not close it
        tmux.await("the source scrolled a line", shown -> shown.contains("↑4") && shown.contains("wheel scroll"));

        tmux.keys("q");
        tmux.await("the step again", shown -> shown.contains("s source"));
        assertThat(tmux.format("#{mouse_any_flag}")).isEqualTo("0");
        tmux.keys("s");
        tmux.await("LongLine.java");
        tmux.keys("q", "q");
        tmux.await("concur exited 0");
        assertThat(tmux.format("#{mouse_any_flag}"))
                .as("quitting from the source view")
                .isEqualTo("0");
    }

    @Test
    void keysTypedDuringARunAreNotEchoedAndCtrlCStopsItWithoutAStackTrace() throws Exception {
        start(80, 24, "lesson", LESSON, "2");
        tmux.await("screen · step 2/2");
        tmux.keys("Enter");
        tmux.await("started");

        tmux.keys("xyzzy");
        Thread.sleep(200);
        tmux.keys("C-c");

        String screen = tmux.await("Stopped before it finished");
        assertThat(screen).doesNotContain("xyzzy").doesNotContain("Exception").doesNotContain("\tat ");

        tmux.keys("q");
        String after = tmux.await("concur exited");
        assertThat(after)
                .contains("Left screen at step 2")
                .contains("concur exited 0")
                .doesNotContain("xyzzy")
                .doesNotContain("Exception");
    }

    @Test
    void ctrlCAtOnceAfterEnterStopsItWhileItCompilesOrRunsWithoutAStackTrace() throws Exception {
        start(80, 24, "lesson", LESSON, "2");
        tmux.await("screen · step 2/2");

        tmux.keys("Enter");
        tmux.keys("C-c");

        String screen = tmux.await("Stopped before it finished");
        assertThat(screen).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("    at ");
    }

    @Test
    void qStopsARunningExampleAndLeavesAtOnce() throws Exception {
        start(80, 24, "lesson", LESSON, "2");
        tmux.await("screen · step 2/2");
        tmux.keys("Enter");
        tmux.await("started");
        long pressed = System.nanoTime();

        tmux.keys("q");

        tmux.await("concur exited 0");
        assertThat((System.nanoTime() - pressed) / 1_000_000_000.0)
                .as("seconds from q to the shell, with a 60 s example running")
                .isLessThan(20);
    }

    @Test
    void eOpensTheEditorAndTheRerunShowsTheChangeThenDShowsIt() throws Exception {
        Path editor = home.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/long line done/changed by the editor/' \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        start(List.of("EDITOR=" + editor), 80, 24, "lesson", LESSON);
        tmux.await("screen · step 1/2");

        tmux.keys("e");

        String rerun = tmux.await("FAIL");
        assertThat(rerun).contains("changed by the editor").contains("Running your copy");

        tmux.keys("d");
        assertThat(tmux.await("+        System.out.println(\"changed by the editor\");"))
                .contains("-        System.out.println(\"long line done\");");
    }

    @Test
    void resumesWhereTheLearnerLeftOffAfterARestart() throws Exception {
        start(80, 24, "lesson", LESSON, "2");
        tmux.await("screen · step 2/2");
        tmux.keys("q");
        tmux.await("concur exited 0");
        tmux.close();
        tmux = new Tmux(); // a new terminal, as after a restart

        start(80, 24, "lesson", LESSON);

        assertThat(tmux.await("You were at step 2")).contains("Enter continues there");
        tmux.keys("Enter");
        tmux.await("screen · step 2/2");
    }
}
