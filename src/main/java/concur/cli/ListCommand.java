package concur.cli;

import concur.lesson.Catalog;
import concur.lesson.LessonException;
import concur.lesson.LessonHead;
import concur.run.Printable;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code concur list}. */
final class ListCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;

    ListCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this, "list", "List the lessons, in the order they are taught.", "Example:", "  concur list");
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        Catalog.Listing listing = context.catalog().list();
        for (LessonException problem : listing.problems()) {
            context.err().println("concur: " + Printable.of(problem.getMessage()));
        }
        List<LessonHead> lessons = listing.lessons();
        if (lessons.isEmpty()) {
            throw new ConcurException(
                    ExitCode.USAGE, "no lessons in " + context.catalog().folder());
        }
        int width = lessons.stream()
                .mapToInt(lesson -> lesson.name().length())
                .max()
                .orElse(0);
        for (LessonHead lesson : lessons) {
            String padding = " ".repeat(width - lesson.name().length() + 2);
            // A lesson file's name and title are shown as data: a control character in them cannot steer the terminal.
            context.out()
                    .println(Printable.of(lesson.name()) + padding + Printable.of(lesson.title()) + " ("
                            + lesson.steps() + " steps)");
        }
        context.out().flush();
        context.err().flush();
        return ExitCode.OK;
    }
}
