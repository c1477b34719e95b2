package concur.cli;

import concur.lesson.Catalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code concur list}. */
final class ListCommand implements Callable<Integer> {
    private final Context context;
    private final CommandSpec spec;

    ListCommand(Context context) {
        this.context = context;
        this.spec = Specs.command(this, "list", "List the lessons, in the order they are taught.", "Example:", "  concur list");
    }

    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        List<Catalog.Entry> entries = context.catalog().entries();
        if (entries.isEmpty()) {
            throw new ConcurException(ExitCode.USAGE, "no lessons in " + context.catalog().folder());
        }
        int width = 0;
        for (Catalog.Entry entry : entries) {
            width = Math.max(width, entry.name().length());
        }
        for (Catalog.Entry entry : entries) {
            String padding = " ".repeat(width - entry.name().length() + 2);
            context.out().println(entry.name() + padding + entry.title() + " (" + entry.steps() + " steps)");
        }
        context.out().flush();
        return ExitCode.OK;
    }
}
