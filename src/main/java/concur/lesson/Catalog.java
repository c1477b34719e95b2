package concur.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lessons in a folder, found by name or by path.
 *
 * <p>Listing reads only each file's head, so {@code concur list} stays fast; parsing happens when a
 * lesson is opened.
 */
public final class Catalog {
    private final Path folder;

    public Catalog(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /**
     * What the lessons folder holds.
     *
     * @param lessons  the lessons that could be read, in teaching order
     * @param problems the files that look like lessons but could not be read, each as {@code FILE: problem}
     */
    public record Listing(List<LessonHead> lessons, List<LessonException> problems) {
        public Listing {
            lessons = List.copyOf(lessons);
            problems = List.copyOf(problems);
        }
    }

    /**
     * By front matter {@code order:}, then by name. A plain class, not {@code Comparator.comparing...}:
     * those build lambda forms at run time, which cost {@code concur list} a tenth of its start-up.
     */
    private static final Comparator<LessonHead> TEACHING_ORDER = new Comparator<>() {
        @Override
        public int compare(LessonHead a, LessonHead b) {
            int byOrder = Integer.compare(a.order(), b.order());
            return byOrder != 0 ? byOrder : a.name().compareTo(b.name());
        }
    };

    /**
     * Every lesson, in the order the chapter teaches them (front matter {@code order:}), then by name. A file
     * that cannot be read is a problem with that file alone: the others are still listed.
     */
    public Listing list() {
        if (!Files.isDirectory(folder)) {
            return new Listing(List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> found = Files.list(folder)) {
            files = found.filter(Catalog::isLessonFile).sorted().toList();
        } catch (IOException e) {
            return new Listing(
                    List.of(),
                    List.of(new LessonException(
                            folder,
                            0,
                            "cannot list the lessons: "
                                    + (e instanceof java.nio.file.AccessDeniedException
                                            ? "permission denied"
                                            : e.getMessage()))));
        }
        List<LessonHead> lessons = new ArrayList<>();
        List<LessonException> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                lessons.add(LessonHead.read(file));
            } catch (TextFile.Unreadable e) {
                problems.add(new LessonException(file, e.line(), "cannot read this lesson: " + e.problem()));
            }
        }
        lessons.sort(TEACHING_ORDER);
        return new Listing(lessons, problems);
    }

    /** The readable lessons, in teaching order. */
    public List<LessonHead> entries() {
        return list().lessons();
    }

    /** How learners call the lesson in {@code file}: its name without {@code .md}. */
    public static String nameOf(Path file) {
        return file.getFileName().toString().replaceFirst("\\.md$", "");
    }

    public List<String> names() {
        return entries().stream().map(LessonHead::name).toList();
    }

    /** The names, read only when something iterates them (completion), not when commands are defined. */
    public Iterable<String> lazyNames() {
        return () -> names().iterator();
    }

    /**
     * The lesson file for a name ({@code threads}) or a path ({@code lessons/threads.md}). Whatever is there
     * under that name (a folder, a dangling link, a pipe) is the lesson the learner meant: parsing it says
     * what is wrong with it, rather than this saying there is no such lesson.
     *
     * @throws LessonException naming the closest lesson when there is no such lesson
     */
    public Path resolve(String nameOrPath) throws LessonException {
        try {
            if (nameOrPath.endsWith(".md") || nameOrPath.contains("/") || nameOrPath.contains("\\")) {
                Path file = Path.of(nameOrPath);
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new LessonException(file, 0, "no such lesson file");
                }
                return file;
            }
            Path file = folder.resolve(nameOrPath + ".md");
            if (isLessonFile(file) && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return file;
            }
        } catch (InvalidPathException e) {
            throw LessonException.unknownLesson(DisplayPath.unusable(e));
        }
        List<String> names = names();
        String message = closest(nameOrPath, names)
                .map(n -> "no lesson '" + nameOrPath + "'; did you mean '" + n + "'?")
                .orElse("no lesson '" + nameOrPath + "'; the lessons are: " + String.join(", ", names));
        throw LessonException.unknownLesson(message);
    }

    private static boolean isLessonFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".md") && !name.equals("README.md");
    }

    /** The name a typo most likely meant: a prefix either way, or at most two edits away. */
    static Optional<String> closest(String typed, List<String> names) {
        return names.stream()
                .filter(n -> n.startsWith(typed) || typed.startsWith(n) || distance(typed, n) <= 2)
                .min(Comparator.comparingInt((String n) -> distance(typed, n)).thenComparing(n -> n));
    }

    /** Levenshtein distance; lesson names are short, so the plain table is fine. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
