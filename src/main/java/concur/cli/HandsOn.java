package concur.cli;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import concur.lesson.Demo;
import concur.lesson.Lesson;
import concur.lesson.Step;
import concur.run.Example;
import concur.run.Printable;
import concur.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.builtins.Nano;
import org.jline.terminal.Terminal;

/**
 * The learner's hands on a step's example: {@code e} edits a copy in the workspace (the lesson's file is
 * never touched), the step then runs that copy, {@code d} shows how it differs from the lesson's, and
 * {@code x} goes back to the lesson's version, keeping the learner's as a backup.
 */
final class HandsOn {
    private final Context context;
    private final Lesson lesson;

    HandsOn(Context context, Lesson lesson) {
        this.context = context;
        this.lesson = lesson;
    }

    private Workspace workspace() {
        return new Workspace(context.settings().workspace());
    }

    /** The learner's copy of the step's example, when they have made one. */
    Optional<Path> copy(Step step) {
        return step.demo()
                .map(demo -> workspace()
                        .exampleOf(lesson.name(), step.number(), demo.example().simpleName() + ".java"))
                .filter(Files::isRegularFile);
    }

    /** What the step runs: the learner's copy where there is one, else the lesson's example. */
    Demo demo(Step step) throws IOException {
        Demo demo = step.demo().orElseThrow();
        Optional<Path> copy = copy(step);
        if (copy.isEmpty()) {
            return demo;
        }
        String code = Exercising.read(copy.get());
        return new Demo(
                new Example(demo.example().className(), code, copy.get(), 1),
                demo.expectation(),
                demo.timeout(),
                demo.javaOptions(),
                demo.args());
    }

    /** Opens the learner's copy (made now if need be) in their editor; answers whether an editor ran. */
    boolean edit(Step step, Optional<Terminal> terminal) throws IOException, InterruptedException {
        Path copy = prepare(step);
        String editor = context.settings().editor();
        if (!editor.isBlank()) {
            ExerciseCommand.openEditor(context, copy);
            return true;
        }
        if (terminal.isPresent()) {
            Nano nano = new Nano(terminal.get(), copy.getParent());
            nano.printLineNumbers = true;
            nano.open(List.of(copy.toString()));
            nano.run();
            return true;
        }
        context.out()
                .println("Your copy is " + Printable.of(copy.toString())
                        + ": edit it, then press r to run it (set VISUAL or EDITOR to open it from here).");
        return false;
    }

    /** The learner's changes, as a unified diff against the lesson's example. */
    void diff(Step step) throws IOException {
        PrintWriter out = context.out();
        Optional<Path> copy = copy(step);
        if (copy.isEmpty()) {
            out.println("You have not changed this example: press e to edit a copy of it.");
            return;
        }
        List<String> lessons = original(step).lines().toList();
        List<String> yours = Exercising.read(copy.get()).lines().toList();
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(
                "the lesson's " + copy.get().getFileName(), "yours", lessons, DiffUtils.diff(lessons, yours), 2);
        if (diff.isEmpty()) {
            out.println("Your copy is the same as the lesson's.");
        }
        diff.forEach(line -> out.println(Printable.of(line)));
    }

    /** Back to the lesson's version: the learner's copy goes, kept as a backup. */
    void revert(Step step) throws IOException {
        Optional<Path> backup = workspace()
                .setAsideExample(
                        lesson.name(),
                        step.number(),
                        step.demo().orElseThrow().example().simpleName() + ".java");
        context.out()
                .println(backup.map(b ->
                                "Back to the lesson's version; yours is kept in " + Printable.of(b.toString()) + ".")
                        .orElse("This step already runs the lesson's example."));
    }

    private Path prepare(Step step) throws IOException {
        Optional<Path> copy = copy(step);
        if (copy.isPresent()) {
            return copy.get();
        }
        Example example = step.demo().orElseThrow().example();
        Path target = workspace().exampleOf(lesson.name(), step.number(), example.simpleName() + ".java");
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".copy", ".tmp");
        try {
            Files.writeString(temporary, original(step), StandardCharsets.UTF_8);
            Files.move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** The lesson's example as a file the learner can edit: an inline one is its code block's text. */
    private static String original(Step step) {
        return step.demo().orElseThrow().example().source();
    }
}
