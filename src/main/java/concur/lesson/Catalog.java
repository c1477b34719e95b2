package concur.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The lessons folder of a concur checkout: {@code $concur.home/lessons}, else {@code ./lessons}. */
    public static Catalog fromHome() {
        return new Catalog(Path.of(System.getProperty("concur.home", ".")).resolve("lessons"));
    }

    public Path folder() {
        return folder;
    }

    /** One line of {@code concur list}. */
    public record Entry(String name, String title, int order, int steps, Path file) {}

    /**
     * By front matter {@code order:}, then by name. A plain class, not {@code Comparator.comparing...}:
     * those build lambda forms at run time, which cost {@code concur list} a tenth of its start-up.
     */
    private static final Comparator<Entry> TEACHING_ORDER = new Comparator<>() {
        @Override
        public int compare(Entry a, Entry b) {
            int byOrder = Integer.compare(a.order(), b.order());
            return byOrder != 0 ? byOrder : a.name().compareTo(b.name());
        }
    };

    /** Every lesson, in the order the chapter teaches them (front matter {@code order:}), then by name. */
    public List<Entry> entries() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Catalog::isLessonFile)
                    .map(LessonHead::read)
                    .sorted(TEACHING_ORDER)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list lessons in " + DisplayPath.of(folder), e);
        }
    }

    public List<String> names() {
        return entries().stream().map(Entry::name).toList();
    }

    /** The names, read only when something iterates them (completion), not when commands are defined. */
    public Iterable<String> lazyNames() {
        return () -> names().iterator();
    }

    /**
     * The lesson file for a name ({@code threads}) or a path ({@code lessons/threads.md}).
     *
     * @throws LessonException naming the closest lesson when there is no such lesson
     */
    public Path resolve(String nameOrPath) throws LessonException {
        if (nameOrPath.endsWith(".md") || nameOrPath.contains("/") || nameOrPath.contains("\\")) {
            Path file = Path.of(nameOrPath);
            if (!Files.isRegularFile(file)) {
                throw new LessonException(file, 0, "no such lesson file");
            }
            return file;
        }
        Path file = folder.resolve(nameOrPath + ".md");
        if (isLessonFile(file) && Files.isRegularFile(file)) {
            return file;
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
