package concur.lesson;

import java.nio.file.Path;

/** Paths as messages show them: relative to the working directory when the file lies below it. */
public final class DisplayPath {
    private DisplayPath() {}

    public static String of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
