package concur.cli;

import concur.lesson.Exercise;
import concur.run.Printable;
import concur.workspace.Watcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code concur watch [NAME]}: verifies the learner's file again on every save, until they stop. Saves
 * made while a verify runs are not lost: the watcher reports them, once, when it is asked next.
 */
final class WatchCommand implements Callable<Integer> {
    /** An editor's truncate-then-write, or write-then-rename, is one save. */
    private static final Duration DEBOUNCE = Duration.ofMillis(150);

    private final Context context;
    private final CommandSpec spec;
    private final PositionalParamSpec name;
    /** The last verify's status, which watch exits with. */
    private int last = ExitCode.MISMATCH;

    WatchCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "watch",
                "Verify an exercise again every time you save your file; when it passes, offer the next one.",
                "Example:",
                "  concur watch lost-increments    (q then Enter, or Ctrl-C, to stop)");
        this.name = Specs.exercise(context);
        spec.addPositional(name);
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Exercising exercising = new Exercising(context);
        Exercise exercise = exercising.pick(Optional.ofNullable((String) name.getValue()));
        VerifyCommand.Check check =
                new VerifyCommand.Check(context, exercising, new StepPlayer(context, Optional.empty()));
        BlockingQueue<String> keys = keys();
        PrintWriter out = context.out();
        while (true) {
            Path file = exercising.learnersFile(exercise);
            try (Watcher watcher = Watcher.open(file, DEBOUNCE)) {
                last = check.verify(exercise, file, Optional.empty(), true);
                Optional<Exercise> next =
                        last == ExitCode.OK ? exercising.exercises().after(exercise) : Optional.empty();
                prompt(out, file, next);
                Optional<Exercise> chosen =
                        waitForSaveOrKey(watcher, keys, next, check, exercise, file, exercising.exercises());
                if (chosen.isEmpty()) {
                    return last;
                }
                exercise = chosen.get();
            }
        }
    }

    /**
     * Verifies again after each save until the learner stops ({@code Optional.empty()}) or takes the
     * next exercise.
     */
    private Optional<Exercise> waitForSaveOrKey(
            Watcher watcher,
            BlockingQueue<String> keys,
            Optional<Exercise> next,
            VerifyCommand.Check check,
            Exercise exercise,
            Path file,
            concur.lesson.Exercises exercises)
            throws IOException, InterruptedException {
        PrintWriter out = context.out();
        Optional<Exercise> offered = next;
        while (true) {
            String key = keys.poll();
            if (key != null) {
                String word = key.strip().toLowerCase(java.util.Locale.ROOT);
                if (word.equals("q")) {
                    out.println("Stopped watching.");
                    out.flush();
                    return Optional.empty();
                } else if (word.equals("n") && offered.isPresent()) {
                    return offered;
                }
            }
            if (watcher.awaitChange(Duration.ofMillis(200))) {
                out.println();
                out.println("Saved: checking again.");
                last = check.verify(exercise, file, Optional.empty(), true);
                offered = last == ExitCode.OK ? exercises.after(exercise) : Optional.empty();
                prompt(out, file, offered);
            }
        }
    }

    private static void prompt(PrintWriter out, Path file, Optional<Exercise> next) {
        out.println();
        out.println(next.map(e -> "Passed. n then Enter: the next exercise, " + Printable.of(e.name())
                        + "; q then Enter: stop; or keep changing the file.")
                .orElse("Watching " + Printable.of(file.getFileName().toString())
                        + ": save it to check again; q then Enter (or Ctrl-C) to stop."));
        out.flush();
    }

    /**
     * The learner's lines, read on a daemon thread of their own so the watcher need not wait for them; the
     * end of input is not a request to stop (watch on a pipe or /dev/null runs until Ctrl-C).
     */
    private BlockingQueue<String> keys() {
        BlockingQueue<String> keys = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            keys.add(line);
                        }
                    } catch (IOException e) {
                        // no more keys: the watcher still runs
                    }
                },
                "concur-keys");
        reader.setDaemon(true);
        reader.start();
        return keys;
    }
}
