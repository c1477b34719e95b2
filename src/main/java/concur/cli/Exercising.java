package concur.cli;

import concur.exercise.Verifier;
import concur.explore.Explorer;
import concur.lesson.DisplayPath;
import concur.lesson.Exercise;
import concur.lesson.Exercises;
import concur.lesson.LessonException;
import concur.lesson.LessonParser;
import concur.run.CompileException;
import concur.run.ExampleCompiler;
import concur.run.Printable;
import concur.workspace.Progress;
import concur.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What the exercise commands share: the exercises, the learner's workspace and progress, and the checker. */
final class Exercising {
    private final Context context;
    private Exercises exercises;
    private Progress progress;
    private boolean progressBroken;

    Exercising(Context context) {
        this.context = context;
    }

    /** Every exercise; a lesson that cannot be read is reported once and its exercises left out. */
    Exercises exercises() {
        if (exercises == null) {
            exercises = Exercises.of(context.catalog(), new LessonParser());
            for (LessonException problem : exercises.problems()) {
                context.err().println("concur: " + Printable.of(problem.getMessage()));
            }
            context.err().flush();
        }
        return exercises;
    }

    Workspace workspace() {
        return new Workspace(context.settings().workspace());
    }

    Progress progress() throws IOException {
        if (progress == null) {
            progress = Progress.load(context.settings().workspace().resolve("progress"));
            progress.warning().ifPresent(warning -> {
                context.err().println("concur: warning: " + Printable.of(warning));
                context.err().flush();
            });
        }
        return progress;
    }

    /** Changes the learner's progress on disk (under its lock, so another concur loses nothing). */
    void record(java.util.function.Consumer<Progress.Editor> edit) throws IOException {
        progress = progress().update(edit);
    }

    /**
     * Records progress where losing it costs the learner nothing but the record (a lesson's steps seen):
     * a workspace that cannot be written is said once, and the lesson goes on.
     */
    void recordQuietly(java.util.function.Consumer<Progress.Editor> edit) {
        recordQuietly(edit, problem -> {
            context.err().println("concur: warning: " + problem);
            context.err().flush();
        });
    }

    /** As {@link #recordQuietly(java.util.function.Consumer)}, saying the problem, once, through {@code warn}. */
    void recordQuietly(java.util.function.Consumer<Progress.Editor> edit, java.util.function.Consumer<String> warn) {
        if (progressBroken) {
            return;
        }
        try {
            record(edit);
        } catch (IOException | RuntimeException e) {
            progressBroken = true;
            warn.accept("cannot keep your progress: " + Printable.of(String.valueOf(e.getMessage())));
        }
    }

    /** The exercise the learner named, else the first they have not passed. */
    Exercise pick(Optional<String> name) throws IOException {
        if (name.isPresent()) {
            return exercises()
                    .named(name.get())
                    .orElseThrow(() -> new ConcurException(
                            ExitCode.USAGE, Printable.of(exercises().unknown(name.get()))));
        }
        if (exercises().all().isEmpty()) {
            throw new ConcurException(
                    ExitCode.USAGE,
                    "the lessons in " + DisplayPath.of(context.catalog().folder()) + " have no exercises");
        }
        for (Exercise exercise : exercises().all()) {
            if (progress().state(exercise.name()) != Progress.State.PASSED) {
                return exercise;
            }
        }
        throw new ConcurException(
                ExitCode.USAGE,
                "every exercise is passed; name one to check it again, e.g. concur verify "
                        + exercises().all().get(0).name());
    }

    /** The learner's copy, made from the starting code the first time it is asked for. */
    Path learnersFile(Exercise exercise) throws IOException {
        return workspace().prepare(exercise.name(), exercise.start());
    }

    /** A file's text, read once; a file that is not UTF-8 text is the learner's to fix, said plainly. */
    static String read(Path file) throws IOException {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(DisplayPath.of(file) + " does not exist");
        } catch (CharacterCodingException e) {
            throw new IOException(DisplayPath.of(file) + " is not UTF-8 text");
        }
    }

    Verifier verifier(StepPlayer player) {
        ExampleCompiler compiler = new ExampleCompiler(context.settings().cache(), warning -> {
            context.err().println("concur: " + warning);
            context.err().flush();
        });
        return new Verifier(compiler, player.runner(), explorer());
    }

    Explorer explorer() {
        java.util.List<Path> jdks = new java.util.ArrayList<>(context.settings().jdks());
        jdks.addAll(Explorer.jdkFolders(Path.of("/usr/lib/jvm"))); // where Debian and the Temurin packages put them
        return new Explorer(
                context.settings().fray(),
                context.settings().cache().resolveSibling("fray-jdk"),
                Explorer.findJdk25(jdks),
                message -> {
                    context.err().println("concur: " + message);
                    context.err().flush();
                });
    }

    /** javac's errors in the learner's file: each with its line of source and a caret under the column. */
    static String describe(CompileException e) {
        StringBuilder text = new StringBuilder("your code does not compile:");
        for (CompileException.Problem problem : e.problems()) {
            text.append("\n")
                    .append(problem.file() == null ? "" : DisplayPath.of(problem.file()) + ":")
                    .append(problem.line() > 0 ? problem.line() + ":" : "")
                    .append(problem.column() > 0 ? problem.column() + ":" : "")
                    .append(" ")
                    .append(problem.message());
            if (!problem.code().isBlank()) {
                text.append("\n    ").append(problem.code());
                if (problem.column() > 0) {
                    text.append("\n    ")
                            .append(" ".repeat((int) Math.min(problem.column() - 1, 400)))
                            .append("^");
                }
            }
        }
        return text.toString();
    }

    static String plural(long n, String one, String many) {
        return String.format(java.util.Locale.ROOT, "%,d", n) + " " + (n == 1 ? one : many);
    }
}
