package concur.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run an example.
 *
 * @param timeout     the example is killed, with everything it started, after this long
 * @param javaOptions extra options for the example's JVM
 * @param args        arguments for the example's {@code main}
 */
public record RunSpec(Duration timeout, List<String> javaOptions, List<String> args) {
    public RunSpec {
        Objects.requireNonNull(timeout, "timeout");
        javaOptions = List.copyOf(javaOptions);
        args = List.copyOf(args);
    }
}
