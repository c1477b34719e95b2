package concur.workspace;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * What a learner has done, kept in one file: each exercise's state, hints shown and last failing
 * recording, and each lesson step seen or passed. A value: {@link #load} reads it, {@link #update}
 * changes it on disk and returns the new value.
 *
 * <p>The file is UTF-8 text, one fact a line, written sorted so it diffs well:
 *
 * <pre>
 * concur-progress 1
 * exercise lost-increments passed
 * hints lost-increments 2
 * recording lost-increments /home/ada/.local/share/concur/recordings/lost-increments-1.rec
 * step 3 seen threads
 * step 4 passed threads
 * </pre>
 *
 * <p>The first line names the format. {@code exercise <name> tried|passed} and {@code hints <name>
 * <count>} take a plain exercise name (no spaces); {@code recording <name> <path>} and {@code step
 * <number> seen|passed <lesson>} end with free text (a path or a lesson name may hold spaces), which
 * runs to the end of the line. A fact that is not there is at its start: not started, no hints, not
 * seen. Blank lines are ignored. A line of a kind this version does not know is kept and written back
 * as it was, after the known ones, so a newer concur sharing the workspace does not lose what it
 * wrote; a known kind that is malformed, a missing first line or bytes that are not UTF-8 make the
 * file corrupt: it is set aside as {@code <file>.<yyyyMMdd-HHmmss>.corrupt}, progress starts afresh,
 * and {@link #warning} says so. A crash never causes that, as the file is only ever replaced whole.
 *
 * <p>Every {@link #update} is a read-modify-write under a lock: a {@link FileLock} on {@code
 * <file>.lock} keeps other concur processes out, and the file is re-read inside it, so no process
 * loses another's update. The new text goes to a temporary file in the same folder, is forced to
 * disk and renamed over the old one; the folder is then forced too where the system allows, so the
 * rename itself survives a power cut.
 */
public final class Progress {
    /** An exercise's state, which only moves forward: a passed exercise tried again stays passed. */
    public enum State {
        NOT_STARTED,
        TRIED,
        PASSED
    }

    /** A lesson step's state, which only moves forward. */
    public enum StepState {
        UNSEEN,
        SEEN,
        PASSED
    }

    /**
     * One exercise's progress.
     *
     * @param state how far the learner got
     * @param hintsShown how many hints they have been shown
     * @param failingRecording the recording of the last failing run, if one is kept
     */
    public record Exercise(State state, int hintsShown, Optional<String> failingRecording) {
        static final Exercise NEW = new Exercise(State.NOT_STARTED, 0, Optional.empty());

        public Exercise {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(failingRecording, "failingRecording");
            if (hintsShown < 0) {
                throw new IllegalArgumentException("hintsShown " + hintsShown + " is negative");
            }
        }
    }

    /** A step, ordered by lesson, then number; compared without lambdas, which a cold start makes slowly. */
    private record StepKey(String lesson, int number) implements Comparable<StepKey> {
        @Override
        public int compareTo(StepKey other) {
            int byLesson = lesson.compareTo(other.lesson);
            return byLesson != 0 ? byLesson : Integer.compare(number, other.number);
        }
    }

    private static final String HEADER = "concur-progress 1";

    /**
     * The in-JVM half of the file lock: the JDK holds file locks per JVM and throws {@code
     * OverlappingFileLockException} when a second thread asks for one, so threads queue here first.
     * It is static because the file lock it guards is JVM-wide too; one entry per progress file.
     */
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final SortedMap<String, Exercise> exercises;
    private final SortedMap<StepKey, StepState> steps;
    private final List<String> unknownLines;
    private final Optional<String> warning;

    private Progress(
            Path file,
            SortedMap<String, Exercise> exercises,
            SortedMap<StepKey, StepState> steps,
            List<String> unknownLines,
            Optional<String> warning) {
        this.file = file;
        this.exercises = Collections.unmodifiableSortedMap(exercises);
        this.steps = Collections.unmodifiableSortedMap(steps);
        this.unknownLines = List.copyOf(unknownLines);
        this.warning = warning;
    }

    /**
     * Reads the progress kept in {@code file}; a missing file is no progress yet, and a corrupt one
     * is set aside (see {@link #warning}).
     *
     * @throws IOException naming the file if it cannot be read, or a corrupt one cannot be set aside
     */
    public static Progress load(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return read(absolute);
        } catch (Corrupt firstLook) {
            // Setting aside is a change, so it happens under the lock, after a second look.
            return locked(absolute, () -> readOrSetAside(absolute));
        }
    }

    /**
     * Changes the progress on disk: under the lock, re-reads the file, applies {@code edit} to it and
     * writes it back atomically.
     *
     * @return the progress as written, with a warning if the file was found corrupt
     * @throws IOException naming the path that could not be read or written; the file is then as it was
     */
    public Progress update(Consumer<Editor> edit) throws IOException {
        return locked(file, () -> {
            Progress current = readOrSetAside(file);
            Editor editor = new Editor(current);
            edit.accept(editor);
            Progress next = new Progress(file, editor.exercises, editor.steps, current.unknownLines, current.warning);
            writeAtomically(file, next.text());
            return next;
        });
    }

    /** The file this progress is kept in. */
    public Path file() {
        return file;
    }

    /** Every exercise with any progress, by name. */
    public SortedMap<String, Exercise> exercises() {
        return exercises;
    }

    public Exercise exercise(String name) {
        return exercises.getOrDefault(name, Exercise.NEW);
    }

    public State state(String exercise) {
        return exercise(exercise).state();
    }

    public StepState step(String lesson, int number) {
        return steps.getOrDefault(new StepKey(lesson, number), StepState.UNSEEN);
    }

    /** What the learner should be told about the file, e.g. that a corrupt one was set aside. */
    public Optional<String> warning() {
        return warning;
    }

    /** The changes one {@link #update} makes; names are checked here, so a bad one changes nothing. */
    public static final class Editor {
        private final SortedMap<String, Exercise> exercises;
        private final SortedMap<StepKey, StepState> steps;

        private Editor(Progress current) {
            this.exercises = new TreeMap<>(current.exercises);
            this.steps = new TreeMap<>();
            this.steps.putAll(current.steps);
        }

        public void tried(String exercise) {
            reach(exercise, State.TRIED);
        }

        public void passed(String exercise) {
            reach(exercise, State.PASSED);
        }

        /** Counts one more hint shown; returns the new count. */
        public int hintShown(String exercise) {
            Exercise was = get(exercise);
            exercises.put(exercise, new Exercise(was.state(), was.hintsShown() + 1, was.failingRecording()));
            return was.hintsShown() + 1;
        }

        /** Remembers the recording of the last failing run, or forgets it with {@code Optional.empty()}. */
        public void failingRecording(String exercise, Optional<String> recording) {
            recording.ifPresent(path -> oneLine("recording", path));
            Exercise was = get(exercise);
            exercises.put(exercise, new Exercise(was.state(), was.hintsShown(), recording));
        }

        public void seen(String lesson, int step) {
            reach(lesson, step, StepState.SEEN);
        }

        public void stepPassed(String lesson, int step) {
            reach(lesson, step, StepState.PASSED);
        }

        private void reach(String exercise, State state) {
            Exercise was = get(exercise);
            if (state.compareTo(was.state()) > 0) {
                exercises.put(exercise, new Exercise(state, was.hintsShown(), was.failingRecording()));
            }
        }

        private void reach(String lesson, int step, StepState state) {
            oneLine("lesson", lesson);
            if (step < 0) {
                throw new IllegalArgumentException("step number " + step + " is negative");
            }
            steps.merge(new StepKey(lesson, step), state, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }

        private Exercise get(String exercise) {
            Workspace.plainName("exercise", exercise);
            return exercises.getOrDefault(exercise, Exercise.NEW);
        }

        private static void oneLine(String what, String text) {
            if (text.isBlank() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw new IllegalArgumentException(what + " \"" + text + "\" is blank or spans lines");
            }
        }
    }

    private String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        exercises.forEach((name, exercise) -> {
            if (exercise.state() != State.NOT_STARTED) {
                out.append("exercise ")
                        .append(name)
                        .append(' ')
                        .append(word(exercise.state()))
                        .append('\n');
            }
            if (exercise.hintsShown() > 0) {
                out.append("hints ")
                        .append(name)
                        .append(' ')
                        .append(exercise.hintsShown())
                        .append('\n');
            }
            exercise.failingRecording()
                    .ifPresent(path -> out.append("recording ")
                            .append(name)
                            .append(' ')
                            .append(path)
                            .append('\n'));
        });
        steps.forEach((key, state) -> out.append("step ")
                .append(key.number())
                .append(' ')
                .append(word(state))
                .append(' ')
                .append(key.lesson())
                .append('\n'));
        unknownLines.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static String word(Enum<?> state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The file's progress; a corrupt file is set aside. Only under the lock. */
    private static Progress readOrSetAside(Path file) throws IOException {
        try {
            return read(file);
        } catch (Corrupt corrupt) {
            Path aside = setAside(file);
            return empty(
                    file,
                    Optional.of("progress file " + file + " could not be read (" + corrupt.getMessage()
                            + "); it was set aside as " + aside + " and progress starts afresh"));
        }
    }

    private static Progress read(Path file) throws IOException, Corrupt {
        String text;
        try {
            text = Files.readString(file, UTF_8);
        } catch (NoSuchFileException missing) {
            return empty(file, Optional.empty());
        } catch (CharacterCodingException notText) {
            throw new Corrupt("not UTF-8 text");
        } catch (IOException e) {
            throw Workspace.failure("cannot read", file, e);
        }
        if (text.isEmpty()) {
            return empty(file, Optional.empty());
        }
        List<String> lines = text.lines().toList();
        if (!lines.getFirst().equals(HEADER)) {
            throw new Corrupt("line 1: expected \"" + HEADER + "\"");
        }
        SortedMap<String, Exercise> exercises = new TreeMap<>();
        SortedMap<StepKey, StepState> steps = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            try {
                parse(line, exercises, steps, unknown);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new Corrupt("line " + (i + 1) + ": \"" + line + "\"");
            }
        }
        return new Progress(file, exercises, steps, unknown, Optional.empty());
    }

    /** Reads one line into the maps; a malformed one throws IllegalArgumentException or IndexOutOfBounds. */
    private static void parse(
            String line,
            SortedMap<String, Exercise> exercises,
            SortedMap<StepKey, StepState> steps,
            List<String> unknown) {
        String[] words = line.split(" ", 4);
        switch (words[0]) {
            case "" -> {
                if (!line.isBlank()) {
                    throw new IllegalArgumentException("starts with a space");
                }
            }
            case "exercise" -> {
                exactly(3, words);
                Exercise was = exercises.getOrDefault(name(words[1]), Exercise.NEW);
                exercises.put(
                        words[1], new Exercise(state(State.class, words[2]), was.hintsShown(), was.failingRecording()));
            }
            case "hints" -> {
                exactly(3, words);
                int count = Integer.parseInt(words[2]);
                if (count < 0) {
                    throw new IllegalArgumentException("negative count");
                }
                Exercise was = exercises.getOrDefault(name(words[1]), Exercise.NEW);
                exercises.put(words[1], new Exercise(was.state(), count, was.failingRecording()));
            }
            case "recording" -> {
                String path = line.split(" ", 3)[2];
                if (path.isBlank()) {
                    throw new IllegalArgumentException("no path");
                }
                Exercise was = exercises.getOrDefault(name(words[1]), Exercise.NEW);
                exercises.put(words[1], new Exercise(was.state(), was.hintsShown(), Optional.of(path)));
            }
            case "step" -> {
                int number = Integer.parseInt(words[1]);
                if (number < 0 || words[3].isBlank()) {
                    throw new IllegalArgumentException("no step " + number + " of \"" + words[3] + "\"");
                }
                steps.put(new StepKey(words[3], number), state(StepState.class, words[2]));
            }
            default -> unknown.add(line);
        }
    }

    private static void exactly(int count, String[] words) {
        if (words.length != count) {
            throw new IllegalArgumentException("expected " + count + " words");
        }
    }

    private static String name(String exercise) {
        return Workspace.plainName("exercise", exercise);
    }

    private static <E extends Enum<E>> E state(Class<E> type, String word) {
        return Enum.valueOf(type, word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static Progress empty(Path file, Optional<String> warning) {
        return new Progress(file, new TreeMap<>(), new TreeMap<>(), List.of(), warning);
    }

    private static Path setAside(Path file) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int n = 0; ; n++) {
            Path aside = file.resolveSibling(file.getFileName() + "." + stamp + (n == 0 ? "" : "-" + n) + ".corrupt");
            if (Files.exists(aside)) {
                continue; // set aside twice in one second
            }
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
                return aside;
            } catch (IOException e) {
                throw Workspace.failure("cannot set aside the corrupt progress file as", aside, e);
            }
        }
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path folder = file.getParent();
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        } catch (IOException e) {
            throw Workspace.failure("cannot write in", folder, e);
        }
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = UTF_8.encode(text);
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw Workspace.failure("cannot write", temporary, e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw Workspace.failure("cannot replace", file, e);
        }
        forceFolder(folder);
    }

    /** Makes a rename in {@code folder} durable; not every system can open a folder for this (Windows). */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the rename is atomic all the same, only perhaps not yet on disk
        }
    }

    private interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs {@code action} holding the progress file's lock, against threads and processes alike. */
    private static <T> T locked(Path file, Locked<T> action) throws IOException {
        Path folder = file.getParent();
        try {
            Files.createDirectories(folder);
            folder = folder.toRealPath(); // one key per file, however it was named
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create the folder " + folder + ": " + e.getFile() + " is not a folder", e);
        } catch (IOException e) {
            throw Workspace.failure("cannot create the folder", folder, e);
        }
        Path lockFile = folder.resolve(file.getFileName() + ".lock");
        ReentrantLock inThisJvm = IN_THIS_JVM.computeIfAbsent(lockFile, key -> new ReentrantLock());
        inThisJvm.lock();
        try (FileChannel channel = open(lockFile)) {
            channel.lock(); // released as the channel closes
            return action.run();
        } finally {
            inThisJvm.unlock();
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw Workspace.failure("cannot open the lock file", lockFile, e);
        }
    }

    /** A file that is not progress as this class writes it; never leaves this class. */
    private static final class Corrupt extends Exception {
        Corrupt(String message) {
            super(message, null, false, false);
        }
    }
}
