package concur.lesson;

import concur.check.Expectation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a lesson: prose, and usually an example with its expected output.
 *
 * @param number      1-based position in the lesson
 * @param title       the step's heading
 * @param line        1-based line of the heading in the lesson file
 * @param text        the step's prose, as Markdown
 * @param example     the program to run; empty for a prose-only step
 * @param expectation what the program must print; present exactly when there is an example
 * @param hints       hints, shown one at a time on request
 * @param pythonNote  what the chapter's Python version does, where the lesson has a note
 * @param timeout     the step's own time limit, when the lesson sets one
 * @param javaOptions extra options for the example's JVM
 * @param args        arguments for the example's {@code main}
 */
public record Step(
        int number,
        String title,
        int line,
        String text,
        Optional<Example> example,
        Optional<Expectation> expectation,
        List<String> hints,
        Optional<String> pythonNote,
        Optional<Duration> timeout,
        List<String> javaOptions,
        List<String> args) {

    public Step {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(expectation, "expectation");
        hints = List.copyOf(hints);
        Objects.requireNonNull(pythonNote, "pythonNote");
        Objects.requireNonNull(timeout, "timeout");
        javaOptions = List.copyOf(javaOptions);
        args = List.copyOf(args);
        if (example.isPresent() != expectation.isPresent()) {
            throw new IllegalArgumentException("an example goes with an expectation, and only with one");
        }
    }

    public boolean runnable() {
        return example.isPresent();
    }
}
