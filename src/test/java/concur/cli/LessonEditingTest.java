package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import concur.view.Screen;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In a lesson, e edits a copy of the step's example, the step runs that copy, d shows it, x takes it back. */
class LessonEditingTest {
    @TempDir
    Path dir;

    @Test
    void theLearnersChangeRunsAndCanBeSeenAndUndone() throws Exception {
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\nsed -i 's/main is done/main is finished/' \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        Settings settings = Settings.read(
                Map.of("CONCUR_WORKSPACE", dir.resolve("ws").toString(), "EDITOR", editor.toString()),
                System.getProperties());
        StringWriter out = new StringWriter();
        Context context = Context.of(
                settings,
                Screen.plain(),
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                new ByteArrayInputStream("e\nd\nx\nq\n".getBytes(StandardCharsets.UTF_8)));

        int code = Main.run(context, "lesson", "src/test/resources/fixtures/passing.md");

        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("Running your copy (d shows what you changed, x goes back to the lesson's).")
                .contains("main is finished") // the copy ran, and its changed line did not match
                .contains("-        System.out.println(\"main is done\");")
                .contains("+        System.out.println(\"main is finished\");")
                .contains("Back to the lesson's version; yours is kept in");
        assertThat(Path.of("src/test/resources/fixtures/passing.md")).content().contains("main is done\");");
    }
}
