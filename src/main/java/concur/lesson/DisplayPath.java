package concur.lesson;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths as messages show them: relative to the working directory when the file lies below it. */
public final class DisplayPath {
    private DisplayPath() {}

    public static String of(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    /**
     * Why a name cannot be a path here, in words. Java spells file names in the locale's character set;
     * under {@code LANG=C} that is ASCII, and a name such as {@code café.md} cannot be spelled at all.
     */
    public static String unusable(InvalidPathException e) {
        String reason = e.getReason();
        return reason != null && reason.contains("unmappable")
                ? "this system's locale cannot spell the name \"" + e.getInput()
                        + "\" (it has letters beyond its character set);"
                        + " run concur in a UTF-8 locale, e.g. LANG=C.UTF-8"
                : "\"" + e.getInput() + "\" is not a usable path: " + reason;
    }
}
