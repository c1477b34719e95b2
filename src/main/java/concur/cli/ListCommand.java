package concur.cli;

import concur.lesson.Catalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "List the lessons, in the order they are taught.",
        footer = {"", "Example:", "  concur list"})
final class ListCommand implements Callable<Integer> {
    private final Context context;

    ListCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Catalog.Entry> entries = context.catalog().entries();
        if (entries.isEmpty()) {
            throw new ConcurException(ExitCode.USAGE, "no lessons in " + context.catalog().folder());
        }
        int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Catalog.Entry entry : entries) {
            context.out().printf("%-" + width + "s  %s (%d steps)%n", entry.name(), entry.title(), entry.steps());
        }
        context.out().flush();
        return ExitCode.OK;
    }
}
