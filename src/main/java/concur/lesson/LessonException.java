package concur.lesson;

import java.nio.file.Path;
import java.util.Optional;

/** A lesson that cannot be used as asked for; the message reads {@code FILE:LINE: what is wrong}. */
public final class LessonException extends Exception {
    private final transient Path file;
    private final int line;
    private final String problem;

    public LessonException(Path file, int line, String problem) {
        super(DisplayPath.of(file) + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    private LessonException(String problem) {
        super(problem);
        this.file = null;
        this.line = 0;
        this.problem = problem;
    }

    /** A lesson name that matches no file: there is no file to name, only the names that exist. */
    static LessonException unknownLesson(String problem) {
        return new LessonException(problem);
    }

    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** 1-based line in {@link #file()}, or 0 when the problem is with the file as a whole. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
