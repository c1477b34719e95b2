package concur.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The Java program a step runs.
 *
 * @param className fully qualified name of the class whose {@code main} runs
 * @param source    the Java source text
 * @param file      where the source lives: a {@code .java} file, or the lesson file for an inline example
 * @param firstLine 1-based line of {@code file} on which the source's first line stands
 */
public record Example(String className, String source, Path file, int firstLine) {
    public Example {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(file, "file");
    }

    /** The simple class name, which is also the name the compiler wants for the source file. */
    public String simpleName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
