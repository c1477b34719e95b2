package concur.cli;

import concur.lesson.DisplayPath;
import concur.lesson.Lesson;
import concur.lesson.Step;
import concur.run.CompileException;
import concur.step.StepRunner.Played;
import concur.step.Verdict;
import concur.view.JavaSource;
import concur.view.MarkdownRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;

/** One learner's way through a lesson: where they are, what passed, what they asked to see. */
final class LessonWalk {
    static final String KEY_HELP =
            "Enter next · b back · r run again · s source · h hint · p Python note · t timeline · g go to step · q quit";
    private static final String KEYS =
            "[Enter] next  [b] back  [r] run again  [s] source  [h] hint  [p] Python  [t] timeline  [g] go to step  [q] quit";

    private final Context context;
    private final Lesson lesson;
    private final StepPlayer player;
    private final Keys keys;
    private final boolean[] passed;
    private final PrintWriter out;
    private boolean showTimeline;
    private Played last;
    private final Exercising progress;

    LessonWalk(Context context, Lesson lesson, StepPlayer player, Keys keys) {
        this.context = context;
        this.lesson = lesson;
        this.player = player;
        this.keys = keys;
        this.passed = new boolean[lesson.steps().size()];
        this.out = context.out();
        this.progress = new Exercising(context);
    }

    /** From the lesson's introduction to its end, or until the learner quits. */
    void walk() throws IOException {
        markdown("# " + lesson.title() + "\n\n" + lesson.intro());
        int index = 0;
        while (index >= 0 && index < lesson.steps().size()) {
            index = stepThrough(index);
        }
        if (index >= lesson.steps().size()) {
            out.println();
            out.println(
                    "End of " + lesson.name() + ": " + count() + " of " + runnable() + " examples passed. Well done.");
            exercises();
            out.flush();
        }
    }

    /** The lesson's exercises, which come after its steps: what each is, and how to start one. */
    private void exercises() {
        if (lesson.exercises().isEmpty()) {
            return;
        }
        out.println();
        out.println("Now fix some real bugs. This lesson's exercises:");
        for (concur.lesson.Exercise exercise : lesson.exercises()) {
            out.println("  " + concur.run.Printable.of(exercise.name() + "  " + exercise.title()));
        }
        out.println("Start the first with: concur exercise "
                + concur.run.Printable.of(lesson.exercises().get(0).name()));
    }

    /** Shows step {@code index} and waits for the learner; returns the next index, or -1 to quit. */
    private int stepThrough(int index) throws IOException {
        Step step = lesson.steps().get(index);
        progress.recordQuietly(edit -> edit.seen(lesson.name(), step.number()));
        out.println();
        out.println(StepPlayer.heading(lesson, step));
        out.println();
        markdown(step.text());
        out.println();
        last = null;
        boolean run = step.runnable();
        int hintsShown = 0;
        while (true) {
            if (run) {
                play(index, step);
                run = false;
            }
            out.println(status(index));
            out.println(KEYS);
            out.flush();
            switch (keys.next()) {
                case Keys.NEXT, 'n' -> {
                    return index + 1;
                }
                case Keys.QUIT -> {
                    return -1;
                }
                case 'b' -> {
                    return Math.max(0, index - 1);
                }
                case 'g' -> {
                    String range = "(1-" + lesson.steps().size() + ")";
                    Optional<Integer> target = stepNumber(keys.answer("go to step " + range + ": "));
                    if (target.isPresent()) {
                        return target.get() - 1;
                    }
                    out.println("There is no such step; the steps are 1 to "
                            + lesson.steps().size() + ".");
                }
                case 'r' -> run = step.runnable();
                case 's' -> source(step);
                case 'h' -> {
                    if (hintsShown < step.hints().size()) {
                        out.println("Hint " + (hintsShown + 1) + "/"
                                + step.hints().size() + ": " + step.hints().get(hintsShown));
                        hintsShown++;
                    } else {
                        out.println(step.hints().isEmpty() ? "This step has no hints." : "No more hints.");
                    }
                }
                case 'p' ->
                    markdown(step.pythonNote()
                            .map(note -> "> **Python:** " + note)
                            .orElse("This step has no note on the Python version."));
                case 't' -> {
                    showTimeline = !showTimeline;
                    out.println("Timeline " + (showTimeline ? "on" : "off") + ".");
                    if (showTimeline && last != null) {
                        player.timeline(last.run());
                    }
                }
                default -> out.println("That key does nothing here.");
            }
        }
    }

    /** Plays the step; what keeps it from running is said, and the learner may still read on. */
    private void play(int index, Step step) {
        try {
            last = player.show(step);
            passed[index] = last.verdict().passed();
            if (passed[index]) {
                progress.recordQuietly(edit -> edit.stepPassed(lesson.name(), step.number()));
            }
            if (last.verdict() instanceof Verdict.NotStarted notStarted) {
                problem(lesson.displayFile() + ":" + step.line() + ": " + notStarted.summary());
            }
            if (showTimeline) {
                player.timeline(last.run());
            }
        } catch (CompileException e) {
            problem(e.describe(DisplayPath::of));
        } catch (IOException e) {
            problem("cannot run step " + step.number() + " of " + lesson.displayFile() + ": " + e.getMessage());
        }
    }

    private void problem(String message) {
        out.flush();
        context.err().println("concur: " + message);
        context.err().flush();
    }

    private void source(Step step) {
        step.demo()
                .ifPresentOrElse(
                        demo -> JavaSource.render(demo.example().source(), context.screen())
                                .forEach(out::println),
                        () -> out.println("This step has no example."));
    }

    private void markdown(String text) {
        MarkdownRenderer.render(text, context.screen()).forEach(out::println);
        out.flush();
    }

    private Optional<Integer> stepNumber(String typed) {
        try {
            int number = Integer.parseInt(typed.strip());
            return number >= 1 && number <= lesson.steps().size() ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String status(int index) {
        return lesson.name() + " · step " + (index + 1) + "/" + lesson.steps().size() + " · passed " + count();
    }

    private int count() {
        int n = 0;
        for (boolean p : passed) {
            n += p ? 1 : 0;
        }
        return n;
    }

    private long runnable() {
        return lesson.steps().stream().filter(Step::runnable).count();
    }
}
