package concur.cli;

import concur.lesson.DisplayPath;
import concur.lesson.LessonException;
import concur.run.CompileException;
import concur.run.Printable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.InvalidPathException;
import java.util.List;
import org.jline.reader.UserInterruptException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one way out for every error: a {@code concur: ...} paragraph on stderr and an exit status, never a
 * stack trace unless the learner asks for one with {@code --debug} or {@code CONCUR_DEBUG=1}.
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final String DEBUG_OPTION = "--debug";

    private final Context context;

    Errors(Context context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        int code = switch (e) {
            case Exception stop when stopped(stop) -> say(err, "stopped.", ExitCode.INTERRUPTED);
            case ConcurException known -> say(err, known.getMessage(), known.exitCode());
            case LessonException lesson -> say(err, lesson.getMessage(), ExitCode.USAGE);
            case CompileException compile -> say(err, compile.describe(DisplayPath::of), ExitCode.USAGE);
            case IOException io -> say(err, io.getMessage(), ExitCode.USAGE);
            case UncheckedIOException io -> say(err, io.getMessage(), ExitCode.USAGE);
            case InvalidPathException path -> say(err, DisplayPath.unusable(path), ExitCode.USAGE);
            default ->
                say(
                        err,
                        "internal error: " + e + ". This is a bug in concur; please report it with the command"
                                + " you ran. "
                                + (debug(parsed) ? "The stack trace follows." : "Add --debug to see the stack trace."),
                        ExitCode.INTERNAL);
        };
        if (debug(parsed)) {
            e.printStackTrace(err);
            err.flush();
        }
        return code;
    }

    /**
     * Whether {@code e} is Ctrl-C arriving, in whichever form it reached the code that was running: JLine's
     * {@link UserInterruptException}, an {@link InterruptedException}, an {@link InterruptedIOException} or a
     * {@link ClosedByInterruptException} (perhaps wrapped), or any I/O error on a thread that was interrupted.
     */
    static boolean stopped(Throwable e) {
        if (Thread.currentThread().isInterrupted() && (e instanceof IOException || e instanceof UncheckedIOException)) {
            return true;
        }
        Throwable t = e;
        for (int depth = 0; t != null && depth < 16; t = t.getCause(), depth++) { // a loop of causes ends too
            if (t instanceof UserInterruptException
                    || t instanceof InterruptedException
                    || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /** Bad usage: what was wrong, the command's usage, and for a missing or unknown lesson, the lessons there are. */
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("concur: " + e.getMessage());
        err.println();
        command.usage(err, CommandLine.Help.Ansi.OFF);
        boolean takesLesson = command.getCommandSpec().positionalParameters().stream()
                .anyMatch(p -> p.paramLabel().equals("LESSON"));
        if (takesLesson) {
            List<String> names = context.catalog().names();
            err.println();
            err.println(
                    names.isEmpty()
                            ? "There are no lessons in "
                                    + DisplayPath.of(context.catalog().folder()) + "."
                            : "Lessons: " + String.join(", ", names));
        }
        err.flush();
        return ExitCode.USAGE;
    }

    /** A message may quote file names and a lesson's text: shown with their control characters made visible. */
    private static int say(PrintWriter err, String message, int code) {
        err.println("concur: " + Printable.text(String.valueOf(message)));
        err.flush();
        return code;
    }

    private boolean debug(ParseResult parsed) {
        if (context.settings().debug()) {
            return true;
        }
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(DEBUG_OPTION)) {
                return true;
            }
        }
        return false;
    }
}
