package concur.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a lesson: prose, and usually an example with its expected output.
 *
 * @param number     1-based position in the lesson
 * @param title      the step's heading
 * @param line       1-based line of the heading in the lesson file
 * @param text       the step's prose, as Markdown
 * @param demo       the example, its expectation and how to run it; empty for a prose-only step
 * @param hints      hints, shown one at a time on request
 * @param pythonNote what the chapter's Python version does, where the lesson has a note
 * @param variants   the example with its point taken away, for the learner to try; each must fail the step
 */
public record Step(
        int number,
        String title,
        int line,
        String text,
        Optional<Demo> demo,
        List<String> hints,
        Optional<String> pythonNote,
        List<Variant> variants) {

    public Step {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(demo, "demo");
        hints = List.copyOf(hints);
        Objects.requireNonNull(pythonNote, "pythonNote");
        variants = List.copyOf(variants);
    }

    /** The variant a hint suggests, when it carries one. */
    public Optional<Variant> variantOfHint(int hint) {
        return variants.stream()
                .filter(v -> v.hint().isPresent() && v.hint().getAsInt() == hint)
                .findFirst();
    }

    public boolean runnable() {
        return demo.isPresent();
    }
}
