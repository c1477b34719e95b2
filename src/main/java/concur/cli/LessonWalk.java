package concur.cli;

import concur.lesson.Catalog;
import concur.lesson.DisplayPath;
import concur.lesson.Lesson;
import concur.lesson.LessonHead;
import concur.lesson.Step;
import concur.run.CompileException;
import concur.run.Outcome;
import concur.run.Printable;
import concur.step.StepRunner.Played;
import concur.step.Verdict;
import concur.view.JavaSource;
import concur.view.MarkdownRenderer;
import concur.workspace.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One learner's way through a lesson: where they are, what passed, what they asked to see. */
final class LessonWalk {
    static final String KEY_HELP = "Enter next · b back · r run again · s source · e edit a copy · d diff · x the"
            + " lesson's version · h hint · p Python note · t timeline · g go to step · q quit";
    private static final String KEYS =
            "[Enter] next [b]ack [r]un [s]ource [e]dit [d]iff [x] undo [h]int [p]ython [t]imeline [g]o to [q]uit";

    private final Context context;
    private final Lesson lesson;
    private final HandsOn hands;
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
        this.hands = new HandsOn(context, lesson);
        this.player = player;
        this.keys = keys;
        this.passed = new boolean[lesson.steps().size()];
        this.out = context.out();
        this.progress = new Exercising(context);
    }

    /**
     * From the lesson's introduction, or from step {@code start}, to its end, or until the learner quits.
     * Without a start, a learner who has been further in this lesson is offered to continue there.
     */
    void walk(Optional<Integer> start) throws IOException {
        Optional<Integer> from = start.isPresent() ? start : resume();
        if (from.isPresent() && from.get() == 0) {
            return; // quit at the question
        }
        int index = from.orElse(1) - 1;
        markdown("# " + lesson.title() + (index == 0 ? "\n\n" + lesson.intro() : ""));
        while (index >= 0 && index < lesson.steps().size()) {
            index = stepThrough(index);
        }
        if (index >= lesson.steps().size()) {
            out.println();
            out.println(
                    "End of " + lesson.name() + ": " + count() + " of " + runnable() + " examples passed. Well done.");
            exercises();
            next();
            out.flush();
        }
    }

    /**
     * Where the learner was, asked: the step to start at (1 to start over), 0 to quit, or empty when
     * there is nothing to continue.
     */
    private Optional<Integer> resume() throws IOException {
        Optional<Progress> seen;
        try {
            seen = Optional.of(progress.progress());
        } catch (IOException e) {
            seen = Optional.empty(); // said when the walk records a step
        }
        int at = lastSeen(seen, lesson.name(), lesson.steps().size());
        if (at <= 1) {
            return Optional.empty();
        }
        out.print("You were at step " + at + " of " + Printable.of(lesson.name()) + ". Continue there? [Y/n] ");
        out.flush();
        char key = keys.next();
        out.println(key == 'n' ? "n" : ""); // a key on a terminal is not echoed
        out.flush();
        return switch (key) {
            case 'n' -> Optional.of(1);
            case Keys.QUIT -> Optional.of(0);
            default -> Optional.of(at);
        };
    }

    /**
     * The furthest step the learner has seen in a lesson (their progress knows no order of visits, and
     * the furthest is where a learner going forward was); 0 for none.
     */
    static int lastSeen(Optional<Progress> progress, String lesson, int steps) {
        if (progress.isEmpty()) {
            return 0;
        }
        for (int n = steps; n >= 1; n--) {
            if (progress.get().step(lesson, n) != Progress.StepState.UNSEEN) {
                return n;
            }
        }
        return 0;
    }

    /**
     * What the shell says on start to a learner who has been here before, or empty: where they were, or the
     * lesson after the last one they finished.
     */
    static Optional<String> welcomeBack(Catalog catalog, Path progressFile) {
        if (!Files.isRegularFile(progressFile)) {
            return Optional.empty();
        }
        Optional<Progress> progress;
        try {
            progress = Optional.of(Progress.load(progressFile));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // said when a command reads it; a greeting is no place for it
        }
        List<LessonHead> lessons = catalog.entries();
        for (int i = lessons.size() - 1; i >= 0; i--) {
            LessonHead lesson = lessons.get(i);
            int at = lastSeen(progress, lesson.name(), lesson.steps());
            if (at == 0) {
                continue;
            }
            String name = Printable.of(lesson.name());
            if (at < lesson.steps()) {
                return Optional.of("Welcome back: concur lesson " + name + " continues at step " + at);
            }
            return i + 1 < lessons.size()
                    ? Optional.of("Welcome back: next is concur lesson "
                            + Printable.of(lessons.get(i + 1).name()))
                    : Optional.of("Welcome back: you have seen every lesson; concur exercise picks an exercise");
        }
        return Optional.empty();
    }

    /** The lesson after this one in teaching order, or that this was the last. */
    private void next() {
        List<String> names = context.catalog().names();
        int here = names.indexOf(lesson.name());
        if (here < 0) {
            return; // a lesson file from elsewhere: no place in the order
        }
        out.println();
        out.println(
                here + 1 < names.size()
                        ? "Next: concur lesson " + Printable.of(names.get(here + 1))
                        : "That was the last lesson.");
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
            // Without a terminal's single keys (piped, or TERM=dumb), a key counts once Enter sends its line.
            out.println(keys.terminal().isPresent() ? KEYS : KEYS + " (type a key, then Enter)");
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
                    String typed = keys.answer("go to step " + range + ", Esc to cancel: ");
                    if (typed.isEmpty()) {
                        continue; // cancelled
                    }
                    Optional<Integer> target = stepNumber(typed);
                    if (target.isPresent()) {
                        return target.get() - 1;
                    }
                    out.println("There is no such step; the steps are 1 to "
                            + lesson.steps().size() + ".");
                }
                case 'r' -> run = step.runnable();
                case 's' -> source(step);
                case 'e' -> run = edit(step);
                case 'd' -> {
                    if (step.runnable()) {
                        hands.diff(step);
                    } else {
                        out.println("This step has no example.");
                    }
                }
                case 'x' -> {
                    if (step.runnable()) {
                        hands.revert(step);
                        run = true;
                    } else {
                        out.println("This step has no example.");
                    }
                }
                case 'h' -> {
                    if (hintsShown < step.hints().size()) {
                        markdown("Hint " + (hintsShown + 1) + "/" + step.hints().size() + ": "
                                + step.hints().get(hintsShown));
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

    /**
     * Plays the step; what keeps it from running is said, and the learner may still read on. Keys typed
     * meanwhile are neither echoed into the table nor acted on; Ctrl-C stops the example and the learner
     * stays at this step.
     */
    private void play(int index, Step step) {
        try (Keys.Running running = keys.whileRunning()) {
            if (hands.copy(step).isPresent()) {
                out.println("Running your copy (d shows what you changed, x goes back to the lesson's).");
            }
            last = player.show(step, hands.demo(step));
        } catch (CompileException e) {
            if (stoppedNow()) {
                stopped();
            } else {
                problem(e.describe(DisplayPath::of));
            }
            return;
        } catch (IOException e) {
            if (stoppedNow() || Errors.stopped(e)) {
                stopped();
            } else {
                problem("cannot run step " + step.number() + " of " + lesson.displayFile() + ": " + e.getMessage());
            }
            return;
        }
        if (stoppedNow() || last.run().outcome() instanceof Outcome.Interrupted) {
            stopped();
            return;
        }
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
    }

    private void stopped() {
        out.println("Stopped. r runs it again.");
    }

    /** Whether Ctrl-C came; clears it, since the walk goes on. */
    private static boolean stoppedNow() {
        return Thread.interrupted();
    }

    private void problem(String message) {
        out.flush();
        context.err().println("concur: " + message);
        context.err().flush();
    }

    /** The example's source: in a pager with line numbers on a terminal, else printed, highlighted. */
    private void source(Step step) {
        if (step.demo().isEmpty()) {
            out.println("This step has no example.");
            return;
        }
        try {
            String code = hands.demo(step).example().source();
            String name = hands.copy(step)
                    .map(copy -> "your copy of " + copy.getFileName())
                    .orElse(step.demo().orElseThrow().example().simpleName() + ".java");
            if (keys.terminal().isPresent()) {
                SourcePager.show(keys.terminal().get(), name, code);
            } else {
                JavaSource.render(code, context.screen()).forEach(out::println);
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            problem("cannot show the source: " + e.getMessage());
        }
    }

    /** Opens the learner's copy of the example; answers whether to run it now. */
    private boolean edit(Step step) {
        if (!step.runnable()) {
            out.println("This step has no example.");
            return false;
        }
        try {
            return hands.edit(step, keys.terminal());
        } catch (IOException e) {
            problem("cannot edit the example: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
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
