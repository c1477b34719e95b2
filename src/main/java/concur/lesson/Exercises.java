package concur.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every exercise of every lesson, in teaching order, and the lessons whose exercises could not be read.
 *
 * @param all      the exercises, lesson by lesson in teaching order
 * @param problems lessons that could not be parsed, and exercise names used twice
 */
public record Exercises(List<Exercise> all, List<LessonException> problems) {
    public Exercises {
        all = List.copyOf(all);
        problems = List.copyOf(problems);
    }

    /** Parses the catalog's lessons; a broken lesson is a problem with that lesson alone. */
    public static Exercises of(Catalog catalog, LessonParser parser) {
        Catalog.Listing listing = catalog.list();
        List<Exercise> all = new ArrayList<>();
        List<LessonException> problems = new ArrayList<>(listing.problems());
        Map<String, Exercise> byName = new HashMap<>();
        for (LessonHead head : listing.lessons()) {
            if (head.exercises() == 0) {
                continue; // no need to parse it
            }
            try {
                for (Exercise exercise : parser.parse(head.file()).exercises()) {
                    Exercise taken = byName.putIfAbsent(exercise.name(), exercise);
                    if (taken != null) {
                        problems.add(new LessonException(
                                head.file(),
                                exercise.line(),
                                "exercise name " + exercise.name() + " is taken by lesson " + taken.lesson()));
                    } else {
                        all.add(exercise);
                    }
                }
            } catch (LessonException e) {
                problems.add(e);
            }
        }
        return new Exercises(all, problems);
    }

    public Optional<Exercise> named(String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public List<String> names() {
        return all.stream().map(Exercise::name).toList();
    }

    /** The exercise that comes after {@code exercise} in teaching order, if any. */
    public Optional<Exercise> after(Exercise exercise) {
        int at = all.indexOf(exercise);
        return at >= 0 && at + 1 < all.size() ? Optional.of(all.get(at + 1)) : Optional.empty();
    }

    /** The exercises of one lesson, in order. */
    public List<Exercise> of(String lesson) {
        return all.stream().filter(e -> e.lesson().equals(lesson)).toList();
    }

    /** The error for a name that is not an exercise, naming the closest one. */
    public String unknown(String name) {
        return Catalog.closest(name, names())
                .map(n -> "no exercise '" + name + "'; did you mean '" + n + "'?")
                .orElse(
                        all.isEmpty()
                                ? "no exercise '" + name + "': the lessons have no exercises"
                                : "no exercise '" + name + "'; the exercises are: " + String.join(", ", names()));
    }
}
