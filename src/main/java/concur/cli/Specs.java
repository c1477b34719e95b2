package concur.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Builds command definitions with picocli's programmatic API.
 *
 * <p>Why not annotations: reading them makes the JDK generate a proxy class per annotation type at
 * start-up, which no class-data archive can keep; that alone tripled {@code concur list}'s start time.
 */
final class Specs {
    private Specs() {}

    /** A command with {@code -h/--help} and {@code -V/--version}, a description and a footer of examples. */
    static CommandSpec command(Object userObject, String name, String description, String... footer) {
        CommandSpec spec =
                CommandSpec.wrapWithoutInspection(userObject).name(name).versionProvider(new Version());
        spec.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true)
                .description("Print version information and exit.")
                .build());
        UsageMessageSpec usage = spec.usageMessage();
        usage.description(description);
        if (footer.length > 0) {
            String[] lines = new String[footer.length + 1];
            lines[0] = "";
            System.arraycopy(footer, 0, lines, 1, footer.length);
            usage.footer(lines);
        }
        return spec;
    }

    /** Whether a {@link #flag} was given; picocli leaves an absent one null. */
    static boolean isSet(OptionSpec flag) {
        return Boolean.TRUE.equals(flag.getValue());
    }

    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name)
                .type(boolean.class)
                .arity("0")
                .description(description)
                .build();
    }

    static OptionSpec option(String name, Class<?> type, String label, String description) {
        return OptionSpec.builder(name)
                .type(type)
                .paramLabel(label)
                .description(description)
                .build();
    }

    /** An option naming a file; a name the locale cannot spell is a usage error that says so, not a stack trace. */
    static OptionSpec pathOption(String name, String label, String description) {
        return OptionSpec.builder(name)
                .type(java.nio.file.Path.class)
                .paramLabel(label)
                .description(description)
                .converters(value -> {
                    try {
                        return java.nio.file.Path.of(value);
                    } catch (java.nio.file.InvalidPathException e) {
                        throw new CommandLine.TypeConversionException(concur.lesson.DisplayPath.unusable(e));
                    }
                })
                .build();
    }

    static OptionSpec timeout() {
        return OptionSpec.builder("--timeout")
                .type(java.time.Duration.class)
                .converters(new DurationConverter())
                .paramLabel("DURATION")
                .description("time limit per step, e.g. 10s; beats the lesson's own (default: the lesson's, else 30s)")
                .build();
    }

    static PositionalParamSpec lessons(String arity, Iterable<String> names) {
        return PositionalParamSpec.builder()
                .arity(arity)
                .required(!arity.startsWith("0"))
                .type(arity.equals("1") ? String.class : String[].class)
                .paramLabel("LESSON")
                .completionCandidates(names)
                .description("a lesson name (threads) or a lesson file (path/to/lesson.md)")
                .build();
    }

    /** An exercise's name, optional: the commands default to the first exercise not yet passed. */
    static PositionalParamSpec exercise(Context context) {
        return exercise(context, false);
    }

    /** @param required whether the name must be given, or defaults to the first exercise not yet passed */
    static PositionalParamSpec exercise(Context context, boolean required) {
        return PositionalParamSpec.builder()
                .arity(required ? "1" : "0..1")
                .required(required)
                .type(String.class)
                .paramLabel("EXERCISE")
                .completionCandidates(
                        () -> new Exercising(context).exercises().names().iterator())
                .description("an exercise's name, e.g. lost-increments"
                        + (required ? "" : " (default: the first you have not passed)"))
                .build();
    }

    static void exerciseExitCodes(CommandSpec spec) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "your fix holds, as far as the check can tell");
        codes.put("1", "not yet: it does not compile, its output does not match, or an interleaving breaks it");
        codes.put("2", "bad usage, or an exercise or file concur cannot use");
        codes.put("70", "a bug in concur (please report it)");
        codes.put("130", "stopped with Ctrl-C");
        spec.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(codes);
    }

    static void exitCodes(CommandSpec spec) {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("0", "every step matched");
        codes.put("1", "a step did not match");
        codes.put("2", "bad usage, or a lesson or example concur cannot use");
        codes.put("70", "a bug in concur (please report it)");
        codes.put("130", "stopped with Ctrl-C");
        spec.usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(codes);
    }

    /** {@code --debug}, on every command: errors show their stack trace. */
    static OptionSpec debug() {
        return OptionSpec.builder(Errors.DEBUG_OPTION)
                .type(boolean.class)
                .arity("0")
                .scopeType(CommandLine.ScopeType.INHERIT)
                .description("on an error, also print the stack trace (or set CONCUR_DEBUG=1)")
                .build();
    }

    /** The version in the jar's manifest; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Specs.class.getPackage().getImplementationVersion();
            return new String[] {"concur " + (version != null ? version : "dev") + " on Java " + Runtime.version()};
        }
    }
}
