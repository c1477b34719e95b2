package concur.explore;

import java.nio.file.Path;
import java.util.List;

/**
 * What to explore: the compiled classes of a learner's single-file program whose {@code main} throws
 * ({@code AssertionError} or any other exception) when the result is wrong.
 *
 * @param classes    the folder of its class files
 * @param sourceFile its source, for the text of the lines a trace shows
 * @param mainClass  the binary name of the class whose {@code main} runs
 * @param args       the arguments {@code main} gets
 */
public record Target(Path classes, Path sourceFile, String mainClass, List<String> args) {
    public Target {
        args = List.copyOf(args);
    }
}
