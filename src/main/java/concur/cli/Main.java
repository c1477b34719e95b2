package concur.cli;

import concur.lesson.Catalog;
import concur.view.Screen;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code concur} command. Only {@link #main} calls {@code System.exit}. */
public final class Main implements Runnable {
    private final Context context;
    private final CommandSpec spec;

    private Main(Context context) {
        this.context = context;
        this.spec = Specs.command(this, "concur",
                "An interactive tutor for concurrency in Java: processes, threads, and virtual threads.",
                "Examples:", "  concur list", "  concur lesson threads", "  concur run --all");
        spec.usageMessage().commandListHeading("%nCommands:%n");
    }

    public static void main(String[] args) {
        // picocli registers converters for java.sql and java.time types by reflection at start-up,
        // loading some eighty classes (DriverManager among them) that concur never uses.
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = run(new Context(Catalog.fromHome(), Screen.detect(), out, err, System.in), args);
        out.flush();
        err.flush();
        // System.exit logs through System.Logger since JDK 21, which starts the logging framework:
        // a plain return is faster, and concur leaves no non-daemon thread behind.
        if (code != ExitCode.OK) {
            System.exit(code);
        }
    }

    /** Runs one command line; returns the exit status. */
    static int run(Context context, String... args) {
        CommandLine line = new CommandLine(new Main(context).spec)
                .addSubcommand(new CommandLine(new ListCommand(context).spec()))
                .addSubcommand(new CommandLine(new LessonCommand(context).spec()))
                .addSubcommand(new CommandLine(new RunCommand(context).spec()))
                .addSubcommand(new CommandLine(new CompletionCommand(context).spec()))
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
