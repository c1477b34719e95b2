package concur.lesson;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a directive's {@code example=PATH} points. A lesson is a folder one can read and trust at a
 * glance: its examples live in it, so a path may not climb out of it ({@code ../../etc/x.java}), be
 * absolute, or lead out through a symbolic link.
 */
final class ExamplePath {
    private ExamplePath() {}

    /**
     * @param lesson the lesson file
     * @param written the path as the directive writes it, relative to the lesson's folder
     * @param line   the directive's line, for errors
     */
    static Path resolve(Path lesson, String written, int line) throws LessonException {
        Path folder = lesson.toAbsolutePath().normalize().getParent();
        Path relative;
        try {
            relative = Path.of(written);
        } catch (InvalidPathException e) {
            throw new LessonException(lesson, line, "example " + written + ": " + DisplayPath.unusable(e));
        }
        if (relative.isAbsolute()) {
            throw new LessonException(
                    lesson,
                    line,
                    "example " + written + " is an absolute path; write it relative to the lesson's folder, e.g. "
                            + Catalog.nameOf(lesson) + "/Example.java");
        }
        Path source = folder.resolve(relative).normalize();
        if (!source.startsWith(folder)) {
            throw new LessonException(
                    lesson,
                    line,
                    "example " + written + " lies outside the lesson's folder " + DisplayPath.of(folder)
                            + "; a lesson's examples live in its folder");
        }
        Path real;
        try {
            real = source.toRealPath();
        } catch (IOException e) {
            return source; // missing, or unreadable: reading it says which, at this line
        }
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            return source;
        }
        if (!real.startsWith(realFolder)) {
            throw new LessonException(
                    lesson,
                    line,
                    "example " + written + " is a link to " + real
                            + ", outside the lesson's folder; a lesson's examples live in its folder");
        }
        return source;
    }
}
