package concur.cli;

import static org.assertj.core.api.Assertions.assertThat;

import concur.lesson.Lesson;
import concur.lesson.LessonParser;
import concur.lesson.Step;
import concur.view.Screen;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner changes a step's example: in a copy, run in its place, shown as a diff, and taken back. */
class HandsOnTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private HandsOn handsOn(Lesson lesson) throws Exception {
        Path editor = dir.resolve("editor.sh");
        // An editor that deletes the join, as the step's hint suggests a learner try.
        Files.writeString(editor, "#!/bin/sh\nsed -i '/worker.join();/d' \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        Settings settings = Settings.read(
                Map.of("CONCUR_WORKSPACE", dir.resolve("ws").toString(), "EDITOR", editor.toString()),
                System.getProperties());
        Context context = Context.of(
                settings,
                Screen.plain(),
                new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true),
                new ByteArrayInputStream(new byte[0]));
        return new HandsOn(context, lesson);
    }

    @Test
    void anEditedCopyRunsInsteadOfTheLessonsUntilTheLearnerGoesBack() throws Exception {
        Lesson lesson = new LessonParser().parse(Path.of("src/test/resources/fixtures/passing.md"));
        Step step = lesson.steps().get(0);
        HandsOn hands = handsOn(lesson);
        assertThat(hands.demo(step)).isEqualTo(step.demo().orElseThrow());

        assertThat(hands.edit(step, java.util.Optional.empty())).isTrue();

        assertThat(hands.demo(step).example().source()).doesNotContain("worker.join();");
        assertThat(hands.demo(step).example().file()).isEqualTo(dir.resolve("ws/examples/passing/step-1/Hello.java"));
        assertThat(step.demo().orElseThrow().example().source()).contains("worker.join();");
        hands.diff(step);
        assertThat(out.toString()).contains("-        worker.join();");

        hands.revert(step);

        assertThat(hands.demo(step)).isEqualTo(step.demo().orElseThrow());
        assertThat(out.toString()).contains("Back to the lesson's version; yours is kept in");
    }
}
