package concur.cli;

import concur.lesson.Catalog;
import concur.lesson.DisplayPath;
import concur.shell.Shell;
import concur.shell.ShellCompleter;
import concur.view.Screen;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.terminal.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code concur} command. Only {@link #main} calls {@code System.exit}. */
public final class Main implements Runnable {
    private final Context context;
    private final CommandSpec spec;

    private Main(Context context) {
        this.context = context;
        this.spec = Specs.command(
                this,
                "concur",
                "An interactive tutor for concurrency in Java: processes, threads, and virtual threads.",
                "Examples:",
                "  concur list",
                "  concur lesson threads",
                "  concur exercise lost-increments",
                "  concur verify",
                "  concur run --all");
        spec.usageMessage().commandListHeading("%nCommands:%n");
        spec.addOption(Specs.debug());
    }

    public static void main(String[] args) {
        // picocli registers converters for java.sql and java.time types by reflection at start-up,
        // loading some eighty classes (DriverManager among them) that concur never uses.
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        Settings settings;
        try {
            settings = Settings.read();
        } catch (InvalidPathException e) {
            // A home or cache folder the locale cannot spell: there is nothing to run yet, only this to say.
            err.println("concur: " + DisplayPath.unusable(e));
            err.flush();
            System.exit(ExitCode.USAGE);
            return;
        }
        int code = args.length == 0
                ? shell(settings, err)
                : run(Context.of(settings, screen(settings), out, err, System.in), args);
        out.flush();
        err.flush();
        // System.exit logs through System.Logger since JDK 21, which starts the logging framework:
        // a plain return is faster, and concur leaves no non-daemon thread behind.
        if (code != ExitCode.OK) {
            System.exit(code);
        }
    }

    /** Runs one command line; returns the exit status. Every error ends here as one paragraph and a status. */
    static int run(Context context, String... args) {
        return commandLine(context).execute(args);
    }

    /** {@code concur} alone: the interactive shell on the system terminal. */
    static int shell(Settings settings, PrintWriter err) {
        Catalog catalog = new Catalog(settings.lessons());
        try (Terminal terminal = SystemTerminal.open(settings.term())) {
            PrintWriter screen = terminal.writer();
            Screen shown = Screen.of(terminal, settings.term(), settings.noColor(), settings.columns());
            Shell.Commands commands = words -> run(
                    new Context(settings, catalog, shown, screen, screen, terminal.input(), Optional.of(terminal)),
                    words.toArray(String[]::new));
            CommandLine line = commandLine(
                    new Context(settings, catalog, Screen.plain(), screen, screen, terminal.input(), Optional.empty()));
            Map<String, String> help = new LinkedHashMap<>();
            line.getSubcommands()
                    .forEach((name, sub) ->
                            help.put(name, sub.getCommandSpec().usageMessage().description()[0]));
            List<String> runOptions = line.getSubcommands().get("run").getCommandSpec().options().stream()
                    .map(o -> o.longestName())
                    .toList();
            List<String> names = new java.util.ArrayList<>(help.keySet());
            names.addAll(Shell.OWN_COMMANDS);
            ShellCompleter completer = new ShellCompleter(catalog, names, runOptions);
            Optional<String> welcome =
                    LessonWalk.welcomeBack(catalog, settings.workspace().resolve("progress"));
            return new Shell(terminal, help, completer, settings.data().resolve("history"), commands).loop(welcome);
        } catch (IOException e) {
            err.println("concur: cannot open the terminal for the shell: " + e.getMessage());
            return ExitCode.USAGE;
        }
    }

    private static Screen screen(Settings settings) {
        return Screen.detect(settings.tty(), settings.term(), settings.noColor(), settings.columns());
    }

    private static CommandLine commandLine(Context context) {
        Errors errors = new Errors(context);
        return new CommandLine(new Main(context).spec)
                .addSubcommand(new CommandLine(new ListCommand(context).spec()))
                .addSubcommand(new CommandLine(new LessonCommand(context).spec()))
                .addSubcommand(new CommandLine(new RunCommand(context).spec()))
                .addSubcommand(new CommandLine(new ExerciseCommand(context).spec()))
                .addSubcommand(new CommandLine(new VerifyCommand(context).spec()))
                .addSubcommand(new CommandLine(new WatchCommand(context).spec()))
                .addSubcommand(new CommandLine(new HintCommand(context).spec()))
                .addSubcommand(new CommandLine(new SolutionCommand(context).spec()))
                .addSubcommand(new CommandLine(new ResetCommand(context).spec()))
                .addSubcommand(new CommandLine(new ExercisesCommand(context).spec()))
                .addSubcommand(new CommandLine(new CompletionCommand(context).spec()))
                .setOut(context.out())
                .setErr(context.err())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }

    @Override
    public void run() {
        // Reached only from tests or the shell's `concur` with nothing after it: say what there is.
        spec.commandLine().usage(context.out());
    }
}
