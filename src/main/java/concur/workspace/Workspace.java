package concur.workspace;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The learner's folder of exercises: {@code root/exercises/<exercise>/<file>}, the copies they edit.
 * The root comes from the caller (the CLI's settings), never from the environment, so a test can put
 * a workspace anywhere.
 *
 * <p>Nothing here ever overwrites a learner's work without keeping it: {@link #prepare} leaves an
 * existing copy alone, and {@link #reset} keeps the previous copy beside the fresh one.
 *
 * @param root the folder holding {@code exercises/} (and, for the CLI, the progress file)
 */
public record Workspace(Path root) {
    /**
     * A plain name: letters, digits, dot, dash and underscore, starting with a letter or digit, so it
     * can be neither {@code ..} nor a hidden file nor a path, on any file system.
     */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public Workspace {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    /**
     * Where the learner's copy of an exercise's file lives, existing or not.
     *
     * @throws IllegalArgumentException if either name is not a plain name (a slash, {@code ..}, ...)
     */
    public Path fileOf(String exercise, String fileName) {
        return root.resolve("exercises")
                .resolve(plainName("exercise", exercise))
                .resolve(plainName("file", fileName));
    }

    /**
     * The learner's copy of {@code start}, made from it the first time; an existing copy, however
     * edited, is left as it is.
     *
     * @return the learner's copy
     * @throws IOException naming the path that could not be made
     */
    public Path prepare(String exercise, Path start) throws IOException {
        return copyOnce(fileOf(exercise, start.getFileName().toString()), start);
    }

    /**
     * Where the learner's copy of a lesson step's example lives, existing or not: the learner edits it to
     * try what the step's hints suggest, and the lesson's own file stays as it is.
     *
     * @throws IllegalArgumentException if the lesson or file name is not a plain name, or the step is not positive
     */
    public Path exampleOf(String lesson, int step, String fileName) {
        if (step < 1) {
            throw new IllegalArgumentException("step " + step + " is not a step number");
        }
        return root.resolve("examples")
                .resolve(plainName("lesson", lesson))
                .resolve("step-" + step)
                .resolve(plainName("file", fileName));
    }

    /**
     * Puts the learner's copy of a step's example aside, as a timestamped {@code .bak} beside it (as {@link
     * #reset} keeps a copy), so the step runs the lesson's version again.
     *
     * @return the backup, or empty when there was no copy
     */
    public Optional<Path> setAsideExample(String lesson, int step, String fileName) throws IOException {
        Path copy = exampleOf(lesson, step, fileName);
        if (!Files.exists(copy)) {
            return Optional.empty();
        }
        Path backup = backUp(copy);
        try {
            Files.delete(copy);
        } catch (IOException e) {
            throw failure("cannot remove", copy, e);
        }
        return Optional.of(backup);
    }

    private Path copyOnce(Path target, Path start) throws IOException {
        if (Files.exists(target)) {
            return target;
        }
        createFolder(target.getParent());
        Path temporary = copyBeside(start, target);
        try {
            // A move without REPLACE_EXISTING refuses to replace a copy that another concur made
            // meanwhile; the copy is written whole first, so a crash never leaves half a file.
            Files.move(temporary, target);
        } catch (FileAlreadyExistsException theirs) {
            // another concur prepared it first, from the same starting code
        } catch (IOException e) {
            throw failure("cannot create", target, e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /**
     * Puts the starting code back. If the learner's copy differs from it, the copy is first kept
     * beside it as {@code <file>.<yyyyMMdd-HHmmss>.bak}: timestamped, so resetting twice does not
     * replace the first backup with the second (which would be the starting code), and ending in
     * {@code .bak} so it is no longer a {@code .java} file that an IDE would compile with the rest.
     *
     * @return the backup, if there was work to keep
     * @throws IOException naming the path that could not be written; the learner's copy is then as
     *     it was, or already backed up
     */
    public Optional<Path> reset(String exercise, Path start) throws IOException {
        return restore(fileOf(exercise, start.getFileName().toString()), start);
    }

    private Optional<Path> restore(Path target, Path start) throws IOException {
        Optional<Path> backup = Optional.empty();
        if (Files.exists(target) && !sameContent(target, start)) {
            backup = Optional.of(backUp(target));
        }
        createFolder(target.getParent());
        Path temporary = copyBeside(start, target);
        try {
            // Replaced in one step, so an editor or a watcher never sees the file missing or half written.
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failure("cannot reset", target, e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return backup;
    }

    private static Path backUp(Path file) throws IOException {
        String stamp = LocalDateTime.now().format(STAMP);
        for (int n = 0; ; n++) {
            String suffix = n == 0 ? "" : "-" + n; // two resets in one second
            Path backup = file.resolveSibling(file.getFileName() + "." + stamp + suffix + ".bak");
            try {
                Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
                return backup;
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            } catch (IOException e) {
                throw failure("cannot back up your code to", backup, e);
            }
        }
    }

    private static Path copyBeside(Path start, Path target) throws IOException {
        Path temporary;
        try {
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        } catch (IOException e) {
            throw failure("cannot write in", target.getParent(), e);
        }
        try {
            Files.copy(start, temporary, StandardCopyOption.REPLACE_EXISTING);
            return temporary;
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw failure("cannot copy the starting code", start, e);
        }
    }

    private static void createFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create the folder " + folder + ": " + e.getFile() + " is not a folder", e);
        } catch (IOException e) {
            throw failure("cannot create the folder", folder, e);
        }
    }

    private static boolean sameContent(Path a, Path b) throws IOException {
        try {
            return Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            return false; // unreadable: back it up rather than guess
        }
    }

    static String plainName(String what, String name) {
        if (name == null || !PLAIN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name \"" + name + "\" is not a plain name"
                    + " (letters, digits, '.', '-', '_', not starting with '.')");
        }
        return name;
    }

    /**
     * An IOException whose message names the path and says what went wrong in words, as the CLI
     * shows it: the JDK's own messages are often just the path.
     */
    static IOException failure(String what, Path path, IOException cause) {
        return new IOException(what + " " + path + ": " + reason(cause), cause);
    }

    static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException missing -> "no such file or folder: " + missing.getFile();
            case NotDirectoryException notDir -> "not a folder: " + notDir.getFile();
            case FileAlreadyExistsException exists -> "already exists: " + exists.getFile();
            case FileSystemException other when other.getReason() != null -> lowerFirst(other.getReason());
            default -> Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
        };
    }

    /** "Not a directory", as the kernel says it, reads "...: not a directory" after a colon. */
    private static String lowerFirst(String reason) {
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
