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
        if (previous.equals("--step")) {
            stepsOf(words).forEach(n -> candidates.add(new Candidate(Integer.toString(n))));
        } else if (line.word().startsWith("-") && command.equals("run")) {
            runOptions.forEach(o -> candidates.add(new Candidate(o)));
        } else if (LESSON_COMMANDS.contains(command)) {
            catalog.entries()
                    .forEach(e -> candidates.add(new Candidate(e.name(), e.name(), null, e.title(), null, null, true)));
        } else if (command.equals("completion")) {
            List.of("bash", "zsh").forEach(s -> candidates.add(new Candidate(s)));
        }
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
