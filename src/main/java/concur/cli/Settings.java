package concur.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Properties;

/**
 * Everything concur reads from its environment, read once at start-up so that nothing below the
 * commands reaches for system properties or environment variables.
 *
 * @param home     the concur checkout, whose {@code lessons/} folder holds the lessons
 * @param cache    where compiled examples are kept
 * @param data     the learner's data: history (and, later, the workspace and progress)
 * @param tty      standard output is a terminal (measured by the launcher)
 * @param columns  the terminal's width, when known
 * @param term     the {@code TERM} variable, or empty
 * @param noColor  {@code NO_COLOR} is set
 * @param debug    {@code CONCUR_DEBUG=1}: errors show their stack trace
 * @param workspace where the learner's copies of the exercises and their progress live:
 *                 {@code CONCUR_WORKSPACE}, else the data folder
 * @param jdks     JDK homes to look in for a JDK 25, which schedule exploration needs: {@code CONCUR_JDK25},
 *                 the JDK concur runs on, and {@code JAVA_HOME}, in that order
 * @param editor   the learner's editor command: {@code VISUAL}, else {@code EDITOR}, else empty
 * @param fray     Fray's jars, which the build copies beside concur's own (the POM's copy-fray)
 */
record Settings(
        Path home,
        Path cache,
        Path data,
        boolean tty,
        OptionalInt columns,
        String term,
        boolean noColor,
        boolean debug,
        Path workspace,
        java.util.List<Path> jdks,
        String editor,
        Path fray) {
    Settings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(workspace, "workspace");
        jdks = java.util.List.copyOf(jdks);
        Objects.requireNonNull(editor, "editor");
        Objects.requireNonNull(fray, "fray");
    }

    /** The process's own settings. */
    static Settings read() {
        return read(System.getenv(), System.getProperties());
    }

    /**
     * @param env        environment variables
     * @param properties system properties; the launcher passes {@code concur.home}, {@code concur.tty} and
     *                   {@code concur.columns}, and the tests {@code concur.cache} and {@code concur.fray}
     */
    static Settings read(Map<String, String> env, Properties properties) {
        Path userHome = Path.of(properties.getProperty("user.home", "."));
        Path home = Path.of(properties.getProperty("concur.home", "."));
        String cache = properties.getProperty("concur.cache");
        Path cacheDir = cache != null
                ? Path.of(cache)
                : xdg(env, "XDG_CACHE_HOME", userHome.resolve(".cache")).resolve("classes");
        Path data = xdg(env, "XDG_DATA_HOME", userHome.resolve(".local").resolve("share"));
        boolean tty = "1".equals(properties.getProperty("concur.tty"));
        OptionalInt columns = number(properties.getProperty("concur.columns"));
        if (columns.isEmpty()) {
            columns = number(env.get("COLUMNS"));
        }
        String workspace = env.get("CONCUR_WORKSPACE");
        java.util.List<Path> jdks = new java.util.ArrayList<>();
        for (String home25 :
                new String[] {env.get("CONCUR_JDK25"), properties.getProperty("java.home"), env.get("JAVA_HOME")}) {
            if (home25 != null && !home25.isBlank()) {
                jdks.add(Path.of(home25));
            }
        }
        String editor = firstSet(env.get("VISUAL"), env.get("EDITOR"));
        return new Settings(
                home,
                cacheDir,
                data,
                tty,
                columns,
                env.getOrDefault("TERM", ""),
                env.get("NO_COLOR") != null,
                "1".equals(env.get("CONCUR_DEBUG")),
                workspace != null && !workspace.isBlank() ? Path.of(workspace) : data,
                jdks,
                editor,
                Path.of(properties.getProperty(
                        "concur.fray", home.resolve("target/fray/lib").toString())));
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    /** The lessons shipped with this checkout. */
    Path lessons() {
        return home.resolve("lessons");
    }

    /** {@code $VAR/concur} when the variable names a folder, else {@code fallback/concur}. */
    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return (value != null && !value.isBlank() ? Path.of(value) : fallback).resolve("concur");
    }

    private static OptionalInt number(String text) {
        try {
            return text == null || text.isBlank()
                    ? OptionalInt.empty()
                    : OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
