package concur.cli;

import concur.lesson.Catalog;
import concur.view.Screen;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code concur} command. Only {@link #main} calls {@code System.exit}. */
@Command(name = "concur", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An interactive tutor for concurrency in Java: processes, threads, and virtual threads.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "Examples:", "  concur list", "  concur lesson threads", "  concur run --all"})
public final class Main implements Runnable {
    private final Context context;

    @Spec
    CommandSpec spec;

    private Main(Context context) {
        this.context = context;
    }

    public static void main(String[] args) {
        // picocli registers converters for java.sql and java.time types by reflection at start-up,
        // loading some eighty classes (DriverManager among them) that concur never uses.
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(new Context(Catalog.fromHome(), Screen.detect(), out, err, System.in), args));
    }

    /** Runs one command line; returns the exit status. */
    static int run(Context context, String... args) {
        CommandLine line = new CommandLine(new Main(context))
                .addSubcommand(new ListCommand(context))
                .addSubcommand(new LessonCommand(context))
                .addSubcommand(new RunCommand(context))
                .setOut(context.out())
                .setErr(context.err())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof ConcurException known) {
                        cmd.getErr().println("concur: " + known.getMessage());
                        return known.exitCode();
                    }
                    throw e;
                });
        return line.execute(args);
    }

    @Override
    public void run() {
        // `concur` alone: the shell comes later; for now, say what there is.
        spec.commandLine().usage(context.out());
    }

    /** The version in the jar's manifest; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"concur " + (version != null ? version : "dev") + " on Java " + Runtime.version()};
        }
    }
}
