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
import java.util.function.Function;
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
        return commandLineFor(context, args).execute(args);
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

    /** A subcommand, by the name it is typed as, made only when needed. */
    private record Subcommand(String name, Function<Context, CommandSpec> spec) {}

    private static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("list", c -> new ListCommand(c).spec()),
            new Subcommand("lesson", c -> new LessonCommand(c).spec()),
            new Subcommand("run", c -> new RunCommand(c).spec()),
            new Subcommand("exercise", c -> new ExerciseCommand(c).spec()),
            new Subcommand("verify", c -> new VerifyCommand(c).spec()),
            new Subcommand("watch", c -> new WatchCommand(c).spec()),
            new Subcommand("hint", c -> new HintCommand(c).spec()),
            new Subcommand("solution", c -> new SolutionCommand(c).spec()),
            new Subcommand("reset", c -> new ResetCommand(c).spec()),
            new Subcommand("exercises", c -> new ExercisesCommand(c).spec()),
            new Subcommand("completion", c -> new CompletionCommand(c).spec()));

    /** Every command, for help, completion and the shell. */
    static CommandLine commandLine(Context context) {
        return commandLine(context, SUBCOMMANDS);
    }

    /**
     * The command for one command line. Picocli sets up each subcommand's options and converters by
     * reflection, some 25 ms for all of them on a cold start, so a line that starts with a subcommand's
     * name gets only that one. Anything else (no name, an option first, a typo to suggest a fix for, the
     * completion script, which lists them all) gets all of them.
     */
    private static CommandLine commandLineFor(Context context, String... args) {
        if (args.length > 0 && !args[0].equals("completion")) {
            for (Subcommand sub : SUBCOMMANDS) {
                if (sub.name().equals(args[0])) {
                    return commandLine(context, List.of(sub));
                }
            }
        }
        return commandLine(context);
    }

    private static CommandLine commandLine(Context context, List<Subcommand> subcommands) {
        Errors errors = new Errors(context);
        CommandLine line = new CommandLine(new Main(context).spec);
        for (Subcommand sub : subcommands) {
            line.addSubcommand(new CommandLine(sub.spec().apply(context)));
        }
        return line.setOut(context.out())
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
