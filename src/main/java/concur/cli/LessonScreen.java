package concur.cli;

import concur.cli.PaneBlock.Printed;
import concur.cli.PaneBlock.Prose;
import concur.cli.PaneBlock.RunTable;
import concur.cli.PaneBlock.Source;
import concur.lesson.Demo;
import concur.lesson.DisplayPath;
import concur.lesson.Exercise;
import concur.lesson.Lesson;
import concur.lesson.Step;
import concur.lesson.Variant;
import concur.run.CompileException;
import concur.run.Outcome;
import concur.run.Printable;
import concur.step.StepRunner.Played;
import concur.step.Verdict;
import concur.view.Pane;
import concur.view.RowBuffer;
import concur.view.Screen;
import concur.view.SideBySide;
import concur.view.Timeline;
import concur.workspace.Progress;
import concur.workspace.Watcher;
import java.io.IOError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.MouseEvent;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;
import org.jline.utils.NonBlockingReader;

/**
 * A lesson in full screen, the place a learner stays in: the step's prose in a pane that scrolls, its example
 * run when they ask and shown beside the expected output in the same pane, a status line and the keys drawn
 * once in place; then the lesson's exercises, verified in place on every save. The example runs on a thread
 * of its own, so keys still scroll while it runs and {@code q} or Ctrl-C stop it at once.
 */
final class LessonScreen {

    /** Lines the mouse wheel scrolls per notch, as most pagers do. */
    private static final int WHEEL_LINES = 3;

    /** How often the screen looks for new output while waiting for a key: the most output lags behind. */
    private static final long TICK_MILLIS = 40;

    private final Context context;
    private final Terminal terminal;
    private final Lesson lesson;
    private final Optional<Duration> timeout;
    private final boolean autorun;
    private final Exercising exercising;
    private final boolean[] passed;

    private final Display display;
    private final Pane pane = new Pane();
    private final List<PaneBlock> blocks = new ArrayList<>();
    private final KeyMap<ScreenKey> keyMap;
    private final BindingReader bindings;
    /** Work the example's thread hands to the screen's: all screen state changes on one thread. */
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    /** Progress to record after the next draw (screen thread only). */
    private final ArrayDeque<Consumer<Progress.Editor>> unkept = new ArrayDeque<>();

    private final AtomicBoolean resized = new AtomicBoolean();
    private final AtomicBoolean saved = new AtomicBoolean();
    private final SwitchWriter sink = new SwitchWriter();

    private Screen screen;
    private Context pane0;
    private StepPlayer player;
    private HandsOn hands;

    /** 0..steps-1 a step, then the exercises, then the end. */
    private int page;

    private int hintsShown;
    private int nextVariant;
    private Optional<Variant> offered = Optional.empty();
    private boolean ranHere;
    private boolean fullExpected;
    private boolean showTimeline;
    private boolean sourceShown;
    private List<PaneBlock> beforeSource = List.of();

    private Thread worker;
    private long workStarted;
    private String working = "";
    private Integer anchor;
    private String state = "";
    private String message = "";
    private Optional<Prompt> prompt = Optional.empty();
    private volatile Optional<Watcher> watcher = Optional.empty();
    private long drawnVersion = -1;
    private boolean quit;
    /** Puts back the resize handler there was before the screen took the terminal. */
    private Runnable undoOnResize = () -> {};

    LessonScreen(Context context, Terminal terminal, Lesson lesson, Optional<Duration> timeout, boolean autorun) {
        this.context = context;
        this.terminal = terminal;
        this.lesson = lesson;
        this.timeout = timeout;
        this.autorun = autorun;
        this.exercising = new Exercising(context);
        this.passed = new boolean[lesson.steps().size()];
        this.display = new Display(terminal, true);
        this.bindings = new BindingReader(terminal.reader());
        this.keyMap = ScreenKey.map(terminal);
    }

    /** A question in the status line: the step to go to, or whether to continue where the learner was. */
    private record Prompt(String question, StringBuilder typed, boolean resume, int at) {}

    /** Where the pane's output goes now: the block of whatever runs. */
    private static final class SwitchWriter extends Writer {
        private volatile Writer target = Writer.nullWriter();

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            target.write(chars, offset, length);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    void walk(Optional<Integer> start) throws IOException {
        Attributes saved = terminal.enterRawMode();
        cooked = saved;
        Attributes raw = terminal.getAttributes();
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false); // Ctrl-C is a key: it stops the example, not concur
        terminal.setAttributes(raw);
        enterScreen();
        try {
            layout();
            int at = LessonWalk.lastSeen(
                    progress(), lesson.name(), lesson.steps().size());
            if (start.isEmpty() && at > 1) {
                go(0);
                prompt = Optional.of(new Prompt(
                        "You were at step " + at + ". Enter continues there, n starts here, q quits: ",
                        new StringBuilder(),
                        true,
                        at));
            } else {
                go(start.orElse(1) - 1);
            }
            loop();
        } finally {
            stopWork();
            unwatch();
            keepProgress();
            leaveScreen();
            terminal.setAttributes(saved);
            terminal.flush();
        }
        PrintWriter out = context.out();
        out.println("Left " + Printable.of(lesson.name()) + " at " + where() + "; concur lesson "
                + Printable.of(lesson.name()) + " brings you back.");
        out.flush();
    }

    private void loop() throws IOException {
        while (!quit) {
            for (Runnable work; (work = posted.poll()) != null; ) {
                work.run();
            }
            if (saved.getAndSet(false) && worker == null && onExercise()) {
                verify(exercise());
            }
            draw(false);
            keepProgress();
            int peeked;
            try {
                peeked = bindings.peekCharacter(TICK_MILLIS);
            } catch (IOError e) {
                // The terminal is gone (its window closed): nobody is left to show anything to.
                quit = true;
                break;
            }
            if (peeked == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            if (peeked == NonBlockingReader.EOF) {
                quit = true;
                break;
            }
            if (prompt.isPresent()) {
                answer(bindings.readCharacter());
                continue;
            }
            // Without blocking, the reader takes one character a call: an escape sequence (an arrow, the
            // wheel) comes back as nothing until its last character. Acting on those as unknown keys closed
            // the source view on an arrow key.
            ScreenKey op = bindings.readBinding(keyMap, null, false);
            if (op == null) {
                continue;
            }
            message = "";
            act(op);
        }
    }

    // ---- keys

    private void act(ScreenKey op) throws IOException {
        switch (op) {
            case UP -> scrolled(() -> pane.scroll(-1));
            case DOWN -> scrolled(() -> pane.scroll(1));
            case PAGE_UP -> scrolled(() -> pane.page(-1));
            case PAGE_DOWN -> scrolled(() -> pane.page(1));
            case HOME -> scrolled(pane::home);
            case END -> scrolled(pane::end);
            case MOUSE -> mouse();
            case STOP -> {
                if (worker != null) {
                    stopWork();
                } else if (sourceShown) {
                    closeSource();
                } else {
                    quit = true;
                }
            }
            case QUIT -> {
                if (sourceShown) {
                    closeSource();
                } else {
                    quit = true;
                }
            }
            case ESCAPE -> {
                if (sourceShown) {
                    closeSource();
                }
            }
            default -> {
                if (worker != null) {
                    message = working + ": Ctrl-C stops it, q stops it and quits";
                } else if (sourceShown && op != ScreenKey.SOURCE) {
                    closeSource();
                    act(op);
                } else {
                    idle(op);
                }
            }
        }
    }

    /**
     * Records progress once the screen has answered: the record is forced to disk, which usually takes a few
     * milliseconds but on a busy disk hundreds, and the learner waits for neither. A problem shows in the status
     * line, never printed across the screen.
     */
    private void keep(Consumer<Progress.Editor> edit) {
        unkept.add(edit);
    }

    private void keepProgress() {
        for (Consumer<Progress.Editor> edit; (edit = unkept.poll()) != null; ) {
            exercising.recordQuietly(edit, problem -> message = problem);
        }
    }

    /** Shows the end of the pane: what was just added. */
    private void toEnd() {
        anchor = null;
        pane.end();
    }

    /** Shows the top of the pane: a new page. */
    private void toTop() {
        anchor = null;
        pane.reset();
    }

    /** A report from the mouse, which only the source view asks for: the wheel scrolls, the rest is ignored. */
    private void mouse() {
        MouseEvent event = terminal.readMouseEvent(bindings::readCharacter, bindings.getLastBinding());
        if (event.getType() == MouseEvent.Type.Wheel) {
            int lines = event.getButton() == MouseEvent.Button.WheelUp ? -WHEEL_LINES : WHEEL_LINES;
            scrolled(() -> pane.scroll(lines));
        }
    }

    private void scrolled(Runnable move) {
        anchor = null;
        move.run();
    }

    /** A key while nothing runs. */
    private void idle(ScreenKey op) throws IOException {
        if (page >= lesson.steps().size()) {
            exerciseKey(op);
            return;
        }
        Step step = lesson.steps().get(page);
        switch (op) {
            case ENTER -> {
                if (step.runnable() && !ranHere) {
                    run(step, hands.demo(step), Optional.empty());
                } else {
                    go(page + 1);
                }
            }
            case NEXT -> go(page + 1);
            case BACK -> go(Math.max(0, page - 1));
            case RUN -> {
                if (runnable(step)) {
                    run(step, hands.demo(step), Optional.empty());
                }
            }
            case SOURCE -> source(step);
            case EDIT -> {
                if (runnable(step) && printed(() -> hands.edit(step, Optional.of(terminal)), true)) {
                    run(step, hands.demo(step), Optional.empty());
                }
            }
            case DIFF -> {
                if (runnable(step)) {
                    printed(
                            () -> {
                                hands.diff(step);
                                return true;
                            },
                            false);
                }
            }
            case UNDO -> {
                if (runnable(step)) {
                    printed(
                            () -> {
                                hands.revert(step);
                                return true;
                            },
                            false);
                    run(step, hands.demo(step), Optional.empty());
                }
            }
            case HINT -> hint(step);
            case VARIANT -> variant(step);
            case PYTHON ->
                prose(step.pythonNote()
                        .map(note -> "> **Python:** " + note)
                        .orElse("This step has no note on the Python version."));
            case TIMELINE -> {
                showTimeline = !showTimeline;
                message = "timeline " + (showTimeline ? "on: shown after each run" : "off");
                lastTable().filter(t -> showTimeline && t.played != null).ifPresent(this::timeline);
            }
            case EXPECTED -> {
                fullExpected = !fullExpected;
                message = fullExpected
                        ? "showing the expected text of every line"
                        : "showing the expected text only where a line did not match";
            }
            case GOTO -> askForStep();
            case KEYS -> keys();
            default -> message = "That key does nothing here; ? lists the keys.";
        }
    }

    private boolean runnable(Step step) {
        if (!step.runnable()) {
            message = "This step has no example.";
        }
        return step.runnable();
    }

    // ---- pages

    private void go(int target) {
        closeSource();
        unwatch();
        int last = lesson.steps().size() + lesson.exercises().size();
        if (target > last) {
            quit = true;
            return;
        }
        page = target;
        blocks.clear();
        hintsShown = 0;
        nextVariant = 0;
        offered = Optional.empty();
        ranHere = false;
        state = "";
        anchor = null;
        toTop();
        if (page < lesson.steps().size()) {
            Step step = lesson.steps().get(page);
            keep(edit -> edit.seen(lesson.name(), step.number()));
            String intro = page == 0 && !lesson.intro().isBlank() ? lesson.intro() + "\n\n" : "";
            blocks.add(new Prose(intro + step.text()));
            hands.copy(step)
                    .ifPresent(copy -> note(
                            "This step runs your copy: d shows what you changed," + " x goes back to the lesson's."));
            if (autorun && step.runnable()) {
                try {
                    run(step, hands.demo(step), Optional.empty());
                } catch (IOException e) {
                    problem("cannot read your copy: " + e.getMessage());
                }
            }
        } else if (onExercise()) {
            Exercise exercise = exercise();
            blocks.add(new Prose(exercise.task()));
            printed(
                    () -> {
                        Path file = exercising.learnersFile(exercise);
                        sinkOut().println("Your file: " + VerifyCommand.link(file, screen));
                        sinkOut()
                                .println("e opens it in your editor; every save is verified here while w"
                                        + " (watch) is on; Enter verifies now.");
                        return true;
                    },
                    false);
        } else {
            blocks.add(new Prose(end()));
        }
    }

    private boolean onExercise() {
        int index = page - lesson.steps().size();
        return index >= 0 && index < lesson.exercises().size();
    }

    private Exercise exercise() {
        return lesson.exercises().get(page - lesson.steps().size());
    }

    private String end() {
        long runnable = lesson.steps().stream().filter(Step::runnable).count();
        int count = 0;
        for (boolean p : passed) {
            count += p ? 1 : 0;
        }
        List<String> names = context.catalog().names();
        int here = names.indexOf(lesson.name());
        String next = here < 0
                ? ""
                : here + 1 < names.size()
                        ? "Next: `concur lesson " + names.get(here + 1) + "`."
                        : "That was the last lesson.";
        return "**End of " + lesson.name() + "**: " + count + " of " + runnable
                + " examples passed this time. Well done.\n\n" + next + "\n\nPress Enter or q to leave.";
    }

    /** Where the learner is, for the status line: {@code step 3 of 11}, {@code exercise 1 of 5}. */
    private String place() {
        int steps = lesson.steps().size();
        if (page < steps) {
            return "step " + (page + 1) + " of " + steps
                    + (lesson.exercises().isEmpty()
                            ? ""
                            : ", then " + lesson.exercises().size() + " exercises");
        }
        return onExercise()
                ? "exercise " + (page - steps + 1) + " of " + lesson.exercises().size()
                : "the end";
    }

    private String where() {
        if (page < lesson.steps().size()) {
            return "step " + (page + 1);
        }
        return onExercise() ? "exercise " + exercise().name() : "its end";
    }

    // ---- running

    /** Runs {@code demo} in the step's place on the worker thread; its rows arrive as it prints. */
    private void run(Step step, Demo demo, Optional<Variant> variant) {
        if (variant.isPresent()) {
            note("Running it without " + variant.get().removes() + ": the lesson's check should now fail.");
        } else if (hands.copy(step).isPresent()) {
            note("Running your copy.");
        }
        RunTable table = new RunTable(step.demo().orElseThrow().expectation().displayLines());
        blocks.add(table);
        anchor = rowsBefore(table);
        ranHere = true;
        state = "";
        Screen at = screen;
        StepPlayer using = player();
        start("running", () -> {
            SideBySide live = new SideBySide(at, new PrintWriter(table.live, true), table.expected);
            live.header();
            try {
                Played played = using.runner().play(demo, live::live);
                posted.add(() -> ran(step, table, played, variant));
            } catch (CompileException e) {
                boolean stopped = Thread.currentThread().isInterrupted(); // asked here, on the worker
                posted.add(() -> {
                    blocks.remove(table);
                    if (stopped) {
                        stoppedEarly();
                    } else {
                        problem(e.describe(DisplayPath::of));
                    }
                });
            } catch (IOException e) {
                boolean stopped = Errors.stopped(e) || Thread.currentThread().isInterrupted();
                posted.add(() -> {
                    if (stopped) {
                        stoppedEarly();
                    } else {
                        problem("cannot run it: " + e.getMessage());
                    }
                });
            }
        });
    }

    private void ran(Step step, RunTable table, Played played, Optional<Variant> variant) {
        if (played.run().outcome() instanceof Outcome.Interrupted) {
            stoppedEarly();
            return;
        }
        table.played = played;
        Verdict verdict = played.verdict();
        state = verdict.passed() ? "PASS" : verdict instanceof Verdict.NotStarted ? "ERROR" : "FAIL";
        if (variant.isEmpty() && hands.copy(step).isEmpty()) {
            passed[page] |= verdict.passed();
            if (verdict.passed()) {
                keep(edit -> edit.stepPassed(lesson.name(), step.number()));
            }
        }
        if (verdict instanceof Verdict.NotStarted notStarted) {
            problem(lesson.displayFile() + ":" + step.line() + ": " + notStarted.summary());
        }
        if (variant.isPresent()) {
            note(
                    verdict.passed()
                            ? "It still matched this time: look at the table for why; r runs the lesson's version."
                            : "Without " + variant.get().removes() + " the check fails, as the step predicts."
                                    + " r runs the lesson's version again.");
        }
        if (showTimeline) {
            timeline(table);
        }
    }

    /** The learner stopped it (Ctrl-C), while it compiled or ran: not a failure of theirs. */
    private void stoppedEarly() {
        state = "stopped";
        note("Stopped before it finished. r runs it again.");
    }

    private void timeline(RunTable table) {
        RowBuffer rows = new RowBuffer();
        PrintWriter out = new PrintWriter(rows, true);
        out.println();
        out.println("Timeline");
        Timeline.render(table.played.run(), screen).forEach(out::println);
        blocks.add(new Printed(rows));
    }

    private void start(String what, Runnable work) {
        working = what;
        workStarted = System.nanoTime();
        worker = Thread.ofPlatform().name("concur-" + what).daemon().start(() -> {
            try {
                work.run();
            } catch (RuntimeException | Error e) {
                // Never a stack trace across the screen: a failure is one line in the pane (--debug has the rest).
                boolean stopped = Thread.currentThread().isInterrupted();
                posted.add(() -> {
                    if (stopped) {
                        stoppedEarly();
                    } else {
                        problem("could not finish " + what + ": " + e);
                    }
                });
            } finally {
                posted.add(() -> {
                    worker = null;
                    message = ""; // what was said about the running work no longer holds
                });
            }
        });
    }

    /** Stops what runs and waits for it: the runner kills the example's processes on interrupt. */
    private void stopWork() {
        Thread running = worker;
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable work; (work = posted.poll()) != null; ) {
            work.run();
        }
        worker = null;
    }

    // ---- hints, variants, source, keys

    private void hint(Step step) {
        if (hintsShown >= step.hints().size()) {
            message = step.hints().isEmpty() ? "This step has no hints." : "No more hints.";
            return;
        }
        int index = hintsShown++;
        Optional<Variant> variant = step.variantOfHint(index);
        String tryIt = variant.map(v -> "\n\nPress **v** to run it without " + v.removes() + ", no typing needed.")
                .orElse("");
        prose("**Hint " + (index + 1) + "/" + step.hints().size() + ":** "
                + step.hints().get(index) + tryIt);
        variant.ifPresent(v -> offered = Optional.of(v));
    }

    private void variant(Step step) {
        if (step.variants().isEmpty()) {
            message = "This step has no variant to try.";
            return;
        }
        Variant variant = offered.orElseGet(
                () -> step.variants().get(nextVariant++ % step.variants().size()));
        offered = Optional.empty();
        run(step, variant.in(step.demo().orElseThrow()), Optional.of(variant));
    }

    private void source(Step step) throws IOException {
        if (!runnable(step)) {
            return;
        }
        String code = hands.demo(step).example().source();
        String name = hands.copy(step)
                .map(copy -> "your copy, " + DisplayPath.of(copy))
                .orElse(DisplayPath.of(step.demo().orElseThrow().example().file()));
        beforeSource = new ArrayList<>(blocks);
        blocks.clear();
        blocks.add(new Source(name, code));
        sourceShown = true;
        // The wheel scrolls the source. Asking the terminal for the mouse takes its plain drag-to-select,
        // so only here, where reading matters more, and the status line says how to select still.
        terminal.trackMouse(Terminal.MouseTracking.Normal);
        toTop();
        message = "source · Shift-drag selects";
    }

    private void closeSource() {
        if (sourceShown) {
            sourceShown = false;
            terminal.trackMouse(Terminal.MouseTracking.Off);
            blocks.clear();
            blocks.addAll(beforeSource);
            toTop();
        }
    }

    private void keys() {
        prose("""
                **Keys**

                - Enter: run the example, or go on once it ran · n / → next · b / ← back · g go to a step
                - r run again · v run it without the step's point (a variant) · t timeline · \
                f the expected text of every line
                - e edit a copy of the example (then it runs) · d your changes · x back to the lesson's version
                - s the source · h a hint · p the Python note
                - ↑ ↓ j k scroll · Space / PgDn, u / PgUp a page · < > Home End the top or the end
                - Ctrl-C stops the example · q quits (and stops it)
                - On an exercise: Enter verifies · e opens your file · w verifies on every save""");
        toEnd();
    }

    // ---- exercises

    private void exerciseKey(ScreenKey op) throws IOException {
        if (!onExercise()) {
            switch (op) {
                case ENTER, NEXT -> quit = true;
                case BACK -> go(page - 1);
                case GOTO -> askForStep();
                case KEYS -> keys();
                default -> message = "That key does nothing here; ? lists the keys.";
            }
            return;
        }
        Exercise exercise = exercise();
        switch (op) {
            case ENTER, RUN -> verify(exercise);
            case NEXT -> go(page + 1);
            case BACK -> go(page - 1);
            case EDIT -> {
                Path file = exercising.learnersFile(exercise);
                if (printed(
                        () -> {
                            ExerciseCommand.openEditor(pane0, file);
                            return true;
                        },
                        true)) {
                    verify(exercise);
                }
            }
            case WATCH -> watch(exercise);
            case HINT -> {
                if (hintsShown >= exercise.hints().size()) {
                    message = exercise.hints().isEmpty() ? "This exercise has no hints." : "No more hints.";
                } else {
                    int index = hintsShown++;
                    prose("**Hint " + (index + 1) + "/" + exercise.hints().size() + ":** "
                            + exercise.hints().get(index));
                    keep(edit -> edit.hintShown(exercise.name()));
                }
            }
            case GOTO -> askForStep();
            case KEYS -> keys();
            default -> message = "That key does nothing here; ? lists the keys.";
        }
    }

    private void verify(Exercise exercise) {
        RowBuffer rows = new RowBuffer();
        blocks.add(new Printed(rows));
        anchor = rowsBefore(blocks.get(blocks.size() - 1));
        state = "";
        VerifyCommand.Check check = new VerifyCommand.Check(pane0, exercising, player());
        start("verifying", () -> {
            sink.target = rows;
            try {
                Path file = exercising.learnersFile(exercise);
                int code = check.verify(exercise, file, Optional.empty(), true);
                posted.add(() -> state = code == ExitCode.OK ? "PASS" : "FAIL");
            } catch (IOException | RuntimeException e) {
                posted.add(() -> problem(Errors.stopped(e) ? "stopped." : "cannot verify: " + e.getMessage()));
            } finally {
                sinkOut().flush();
            }
        });
    }

    private void watch(Exercise exercise) throws IOException {
        if (watcher.isPresent()) {
            unwatch();
            message = "watch off";
            return;
        }
        Path file = exercising.learnersFile(exercise);
        Watcher opened = Watcher.open(file, Duration.ofMillis(150));
        watcher = Optional.of(opened);
        message = "watch on: every save of " + file.getFileName() + " is verified here";
        Thread.ofPlatform().daemon().name("concur-watch").start(() -> {
            try {
                while (watcher.orElse(null) == opened) {
                    if (opened.awaitChange(Duration.ofMillis(200))) {
                        saved.set(true);
                    }
                }
            } catch (RuntimeException e) {
                // closed: the watch is over
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void unwatch() {
        Optional<Watcher> open = watcher;
        watcher = Optional.empty();
        try {
            if (open.isPresent()) {
                open.get().close();
            }
        } catch (IOException e) {
            // the watch is over either way
        }
    }

    // ---- what goes in the pane

    private interface Action {
        boolean run() throws IOException, InterruptedException;
    }

    /**
     * Runs something that prints (an editor, a diff) with its words going to a new block of the pane. An
     * editor takes the whole terminal, so the screen steps aside for it and is drawn again after.
     */
    private boolean printed(Action action, boolean takesTerminal) {
        RowBuffer rows = new RowBuffer();
        sink.target = rows;
        Attributes ours = terminal.getAttributes();
        try {
            if (takesTerminal) {
                leaveScreen();
                terminal.setAttributes(cooked);
            }
            return action.run();
        } catch (ConcurException e) {
            sinkOut().println("concur: " + e.getMessage());
            return false;
        } catch (IOException e) {
            sinkOut().println("concur: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            sinkOut().flush();
            if (takesTerminal) {
                terminal.setAttributes(ours);
                enterScreen();
                resized.set(true); // the window may have changed while the editor had it
                draw(true);
            }
            if (!rows.rows().isEmpty()) {
                blocks.add(new Printed(rows));
                toEnd();
            }
        }
    }

    /** The terminal's modes before the screen took it: what an editor gets. */
    private Attributes cooked;

    private PrintWriter sinkOut() {
        return pane0.out();
    }

    private void prose(String markdown) {
        blocks.add(new Prose(markdown));
        toEnd();
    }

    private void note(String text) {
        RowBuffer rows = new RowBuffer();
        new PrintWriter(rows, true).println(text);
        blocks.add(new Printed(rows));
    }

    private void problem(String text) {
        state = "ERROR";
        RowBuffer rows = new RowBuffer();
        new PrintWriter(rows, true)
                .println(AttributedString.fromAnsi(new AttributedStringBuilder()
                                .style(
                                        screen.colour()
                                                ? AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)
                                                : AttributedStyle.DEFAULT)
                                .append("concur: " + Printable.text(text))
                                .toAnsi())
                        .toAnsi());
        blocks.add(new Printed(rows));
        toEnd();
    }

    private Optional<RunTable> lastTable() {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i) instanceof RunTable table) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    // ---- drawing

    private void enterScreen() {
        undoOnResize = SystemTerminal.onResize(() -> resized.set(true));
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.keypad_xmit);
        terminal.puts(Capability.cursor_invisible);
        terminal.puts(Capability.clear_screen);
        terminal.flush();
        display.clear();
        drawnVersion = -1;
    }

    private void leaveScreen() {
        undoOnResize.run();
        if (sourceShown) {
            terminal.trackMouse(Terminal.MouseTracking.Off);
        }
        terminal.puts(Capability.cursor_normal);
        terminal.puts(Capability.keypad_local);
        terminal.puts(Capability.exit_ca_mode);
        terminal.flush();
    }

    /** The screen's width changed (or it is the start): what prints into the pane prints at the new width. */
    private void layout() {
        Size size = terminal.getSize();
        int width = Math.max(Screen.MIN_WIDTH, size.getColumns() > 0 ? size.getColumns() : 80);
        screen = new Screen(true, context.screen().colour(), width);
        pane0 = new Context(
                context.settings(),
                context.catalog(),
                screen,
                new PrintWriter(sink, true),
                new PrintWriter(sink, true),
                context.in(),
                Optional.of(terminal));
        if (worker == null) {
            player = null; // made again at the new width, when next needed
            hands = new HandsOn(pane0, lesson);
        }
        display.resize(Math.max(1, size.getRows()), width);
    }

    /**
     * The runner, made when first needed: making it checks what the operating system offers to contain an
     * example (a few hundred milliseconds), which the first screen need not wait for.
     */
    private StepPlayer player() {
        if (player == null) {
            player = new StepPlayer(pane0, timeout);
        }
        return player;
    }

    private void draw(boolean force) {
        if (resized.getAndSet(false)) {
            layout();
            display.clear();
            terminal.puts(Capability.clear_screen);
            force = true;
        }
        long version = version();
        if (!force && version == drawnVersion && worker == null) {
            return;
        }
        drawnVersion = version;
        Size size = terminal.getSize();
        int rows = Math.max(3, size.getRows() > 0 ? size.getRows() : 24);
        int width = screen.width();
        List<AttributedString> body = new ArrayList<>();
        for (PaneBlock block : blocks) {
            body.addAll(Pane.wrap(rows(block), width));
        }
        pane.update(body, rows - 3);
        if (anchor != null) {
            pane.showFrom(anchor);
        }
        List<AttributedString> lines = new ArrayList<>();
        lines.add(bold(heading(), width));
        lines.addAll(pane.window());
        while (lines.size() < rows - 2) {
            lines.add(AttributedString.EMPTY);
        }
        lines.add(status(width));
        lines.add(keyBar(width));
        display.update(lines, -1);
        terminal.flush();
    }

    private long version() {
        long v = blocks.size() * 1_000_003L
                + pane.above() * 31L
                + (message.hashCode() * 7L)
                + state.hashCode()
                + prompt.map(p -> p.typed().toString().hashCode() + 1L).orElse(0L)
                + (fullExpected ? 1 : 0)
                + (sourceShown ? 2 : 0)
                // The status line and the keys change when work ends, even if nothing else does.
                + (worker != null ? 5_000_011L : 0);
        for (PaneBlock block : blocks) {
            v = v * 31 + block.version();
        }
        return v;
    }

    private List<String> rows(PaneBlock block) {
        return block.rows(screen, fullExpected);
    }

    private int rowsBefore(PaneBlock block) {
        int count = 0;
        for (PaneBlock b : blocks) {
            if (b == block) {
                break;
            }
            count += Pane.wrap(rows(b), screen.width()).size();
        }
        return count;
    }

    private String heading() {
        if (sourceShown || page < lesson.steps().size()) {
            Step step = lesson.steps().get(Math.min(page, lesson.steps().size() - 1));
            return StepPlayer.heading(lesson, step);
        }
        return onExercise()
                ? VerifyCommand.Check.heading(exercise())
                : "── " + Printable.of(lesson.name()) + " · end ──";
    }

    private AttributedString status(int width) {
        if (prompt.isPresent()) {
            return new AttributedString(
                    fit(prompt.get().question() + prompt.get().typed(), width));
        }
        AttributedStringBuilder line = new AttributedStringBuilder();
        String left = Printable.of(lesson.name()) + " · " + place();
        line.append(left);
        if (worker != null) {
            long tenths = (System.nanoTime() - workStarted) / 100_000_000;
            line.append(" · ");
            line.style(colour(AttributedStyle.YELLOW));
            line.append(working + " " + tenths / 10 + "." + tenths % 10 + " s (Ctrl-C stops)");
            line.style(AttributedStyle.DEFAULT);
        } else if (!state.isEmpty()) {
            line.append(" · ");
            line.style(colour(state.equals("PASS") ? AttributedStyle.GREEN : AttributedStyle.RED)
                    .bold());
            line.append(state);
            line.style(AttributedStyle.DEFAULT);
        }
        if (!message.isEmpty()) {
            line.append(" · " + message);
        }
        String scroll = (pane.above() > 0 ? " ↑" + pane.above() : "") + (pane.below() > 0 ? " ↓" + pane.below() : "");
        AttributedString built = line.toAttributedString();
        if (built.columnLength() + scroll.length() > width) {
            built = built.columnSubSequence(0, Math.max(0, width - scroll.length() - 1));
        }
        return new AttributedStringBuilder()
                .append(built)
                .append(" ".repeat(Math.max(0, width - built.columnLength() - scroll.length())))
                .append(scroll)
                .toAttributedString();
    }

    /** A colour, where the screen may show colours ({@code NO_COLOR} unset); plain otherwise. */
    private AttributedStyle colour(int colour) {
        return screen.colour() ? AttributedStyle.DEFAULT.foreground(colour) : AttributedStyle.DEFAULT;
    }

    private AttributedString keyBar(int width) {
        List<String> keys = new ArrayList<>();
        if (sourceShown) {
            keys.addAll(List.of("q back", "↑↓ or wheel scroll", "Space page"));
        } else if (worker != null) {
            keys.addAll(List.of("Ctrl-C stop", "q stop and quit", "↑↓ scroll"));
        } else if (page < lesson.steps().size()) {
            Step step = lesson.steps().get(page);
            keys.add(step.runnable() && !ranHere ? "Enter run" : "Enter next");
            if (step.runnable()) {
                keys.add("r run");
                keys.add("e edit");
            }
            if (!step.variants().isEmpty()) {
                keys.add("v without "
                        + offered.orElse(step.variants()
                                        .get(nextVariant % step.variants().size()))
                                .removes());
            }
            keys.addAll(List.of("h hint", "b back", "↑↓ scroll", "s source", "f expected", "? keys", "q quit"));
        } else if (onExercise()) {
            keys.addAll(List.of(
                    "Enter verify",
                    "e edit",
                    watcher.isPresent() ? "w watch off" : "w watch",
                    "h hint",
                    "n next",
                    "b back",
                    "? keys",
                    "q quit"));
        } else {
            keys.addAll(List.of("Enter leave", "b back", "q quit"));
        }
        StringBuilder bar = new StringBuilder();
        for (String key : keys) {
            String next = (bar.isEmpty() ? "" : "  ") + key;
            if (bar.length() + next.length() > width) {
                break;
            }
            bar.append(next);
        }
        return new AttributedString(bar.toString(), AttributedStyle.DEFAULT.faint());
    }

    private static AttributedString bold(String text, int width) {
        return new AttributedString(fit(text, width), AttributedStyle.BOLD);
    }

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "…";
    }

    // ---- the status line's questions

    private void answer(int c) {
        Prompt asked = prompt.orElseThrow();
        if (c == 27 || c == 3 || c == -1 || (asked.resume() && (c == 'q' || c == 'Q'))) {
            prompt = Optional.empty();
            if (asked.resume() && c != 27) {
                quit = true;
            }
            return;
        }
        if (asked.resume()) {
            prompt = Optional.empty();
            if (c == '\r' || c == '\n' || c == 'y' || c == 'Y') {
                go(asked.at() - 1);
            }
            return;
        }
        if (c == '\r' || c == '\n') {
            prompt = Optional.empty();
            try {
                int number = Integer.parseInt(asked.typed().toString().strip());
                if (number >= 1 && number <= lesson.steps().size()) {
                    go(number - 1);
                    return;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            message = "There is no such step; the steps are 1 to "
                    + lesson.steps().size() + ".";
        } else if ((c == 127 || c == 8) && !asked.typed().isEmpty()) {
            asked.typed().setLength(asked.typed().length() - 1);
        } else if (c >= '0' && c <= '9' && asked.typed().length() < 4) {
            asked.typed().append((char) c);
        }
    }

    /** {@code g}, on any page: the step to go to, asked in the status line. */
    private void askForStep() {
        prompt = Optional.of(new Prompt(
                "Go to step (1-" + lesson.steps().size() + "), Esc cancels: ", new StringBuilder(), false, 0));
    }

    private Optional<concur.workspace.Progress> progress() {
        try {
            return Optional.of(exercising.progress());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
