package concur.shell;

import concur.lesson.Catalog;
import concur.lesson.LessonHead;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completes what a learner types at {@code concur>}: command names, lesson names after {@code lesson}
 * and {@code run}, options, and the step numbers of the named lesson after {@code --step}.
 */
public final class ShellCompleter implements Completer {
    private static final List<String> LESSON_COMMANDS = List.of("lesson", "run");

    private final Catalog catalog;
    private final List<String> commands;
    private final List<String> runOptions;

    /**
     * @param commands   the command names
     * @param runOptions the options of {@code run}, offered after a word that starts with {@code -}
     */
    public ShellCompleter(Catalog catalog, List<String> commands, List<String> runOptions) {
        this.catalog = catalog;
        this.commands = List.copyOf(commands);
        this.runOptions = List.copyOf(runOptions);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        if (index == 0) {
            commands.forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        String command = words.get(0);
        String previous = words.get(index - 1);
        if (previous.equals("--step") || (command.equals("lesson") && index == 2 && !previous.startsWith("-"))) {
            // lesson NAME STEP: the steps, in order; they sort as numbers, not as text ("10" after "9")
            List<Integer> steps = stepsOf(words);
            steps.forEach(n -> candidates.add(inOrder(Integer.toString(n), null, n)));
        } else if (line.word().startsWith("-") && command.equals("run")) {
            runOptions.forEach(o -> candidates.add(new Candidate(o)));
        } else if (LESSON_COMMANDS.contains(command) && (command.equals("run") || index == 1)) {
            // In teaching order, as `list` shows them: the first lesson first, not the first letter.
            List<LessonHead> lessons = catalog.entries();
            for (int i = 0; i < lessons.size(); i++) {
                candidates.add(inOrder(lessons.get(i).name(), lessons.get(i).title(), i));
            }
        } else if (command.equals("completion")) {
            List.of("bash", "zsh").forEach(s -> candidates.add(new Candidate(s)));
        }
    }

    /** A candidate that JLine lists at {@code position}, rather than alphabetically. */
    private static Candidate inOrder(String value, String description, int position) {
        return new Candidate(value, value, null, description, null, null, true, position);
    }

    /** 1..N for the first lesson named on the line; nothing when none is named yet. */
    private List<Integer> stepsOf(List<String> words) {
        for (LessonHead entry : catalog.entries()) {
            if (words.contains(entry.name())) {
                return java.util.stream.IntStream.rangeClosed(1, entry.steps())
                        .boxed()
                        .toList();
            }
        }
        return List.of();
    }
}
