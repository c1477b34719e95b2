package concur.cli;

import concur.lesson.Catalog;
import concur.lesson.LessonException;
import concur.lesson.LessonHead;
import concur.run.Printable;
import concur.workspace.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code concur list}. */
final class ListCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;
    private concur.lesson.Exercises exercises;

    ListCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this, "list", "List the lessons, in the order they are taught.", "Example:", "  concur list");
    }

    CommandSpec spec() {
        return spec;
    }

    /** The learner's progress, when they have any: a fresh learner's list reads no more files than it must. */
    private Optional<Progress> progress() {
        Path file = context.settings().workspace().resolve("progress");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Progress progress = Progress.load(file);
            progress.warning().ifPresent(w -> context.err().println("concur: warning: " + Printable.of(w)));
            return Optional.of(progress);
        } catch (IOException e) {
            context.err().println("concur: warning: cannot read your progress: " + Printable.of(e.getMessage()));
            return Optional.empty();
        }
    }

    /** "  · seen 3/7 steps, passed 1/5 exercises", or nothing before the learner has started. */
    private String done(Progress progress, LessonHead lesson) {
        int seen = 0;
        int passed = 0;
        for (int step = 1; step <= lesson.steps(); step++) {
            Progress.StepState state = progress.step(lesson.name(), step);
            seen += state != Progress.StepState.UNSEEN ? 1 : 0;
            passed += state == Progress.StepState.PASSED ? 1 : 0;
        }
        long exercises = 0;
        if (lesson.exercises() > 0 && !progress.exercises().isEmpty()) {
            if (this.exercises == null) {
                this.exercises = new Exercising(context).exercises();
            }
            exercises = this.exercises.of(lesson.name()).stream()
                    .filter(e -> progress.state(e.name()) == Progress.State.PASSED)
                    .count();
        }
        if (seen == 0 && exercises == 0) {
            return "";
        }
        return "  · seen " + seen + "/" + lesson.steps() + " steps, " + passed + " passed"
                + (lesson.exercises() > 0 ? "; " + exercises + "/" + lesson.exercises() + " exercises passed" : "");
    }

    @Override
    public Integer call() {
        Catalog.Listing listing = context.catalog().list();
        for (LessonException problem : listing.problems()) {
            context.err().println("concur: " + Printable.of(problem.getMessage()));
        }
        List<LessonHead> lessons = listing.lessons();
        if (lessons.isEmpty()) {
            throw new ConcurException(
                    ExitCode.USAGE, "no lessons in " + context.catalog().folder());
        }
        int width = lessons.stream()
                .mapToInt(lesson -> lesson.name().length())
                .max()
                .orElse(0);
        Optional<Progress> progress = progress();
        for (LessonHead lesson : lessons) {
            String padding = " ".repeat(width - lesson.name().length() + 2);
            // A lesson file's name and title are shown as data: a control character in them cannot steer the terminal.
            context.out()
                    .println(Printable.of(lesson.name()) + padding + Printable.of(lesson.title()) + " ("
                            + lesson.steps() + " steps"
                            + (lesson.exercises() > 0 ? ", " + lesson.exercises() + " exercises" : "") + ")"
                            + progress.map(p -> done(p, lesson)).orElse(""));
        }
        context.out().flush();
        context.err().flush();
        return ExitCode.OK;
    }
}
