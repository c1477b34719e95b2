package concur.lesson;

import concur.run.Example;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The step's example with its point taken away (the lock removed, {@code join()} deleted): what the
 * learner runs to see why the point matters, and what proves the step's expected output has teeth, since
 * the variant must fail it.
 *
 * @param example the changed program, run in the example's place
 * @param removes what it takes away, in words that follow "without": {@code "the lock"}
 * @param line    1-based line of its directive in the lesson file
 * @param hint    the index of the hint that suggests this experiment, when a hint does
 */
public record Variant(Example example, String removes, int line, OptionalInt hint) {
    public Variant {
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(removes, "removes");
        Objects.requireNonNull(hint, "hint");
    }

    /** The step's demo with this variant's program in the example's place: same expectation, same limits. */
    public Demo in(Demo demo) {
        return new Demo(example, demo.expectation(), demo.timeout(), demo.javaOptions(), demo.args());
    }
}
