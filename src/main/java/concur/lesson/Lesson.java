package concur.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A parsed lesson file.
 *
 * @param name  the file name without {@code .md}, which is how learners call it
 * @param title the front matter's {@code title}, or the first heading
 * @param file  the lesson file
 * @param intro the Markdown before the first step
 * @param steps the steps in order
 * @param exercises the exercises that follow the steps, in order
 */
public record Lesson(String name, String title, Path file, String intro, List<Step> steps, List<Exercise> exercises) {
    public Lesson {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(intro, "intro");
        steps = List.copyOf(steps);
        exercises = List.copyOf(exercises);
    }

    /** The file name as messages show it, relative to the working directory when that is shorter. */
    public String displayFile() {
        return DisplayPath.of(file);
    }
}
