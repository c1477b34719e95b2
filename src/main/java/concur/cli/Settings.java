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
 */
record Settings(
        Path home,
        Path cache,
        Path data,
        boolean tty,
        OptionalInt columns,
        String term,
        boolean noColor,
        boolean debug) {
    Settings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(term, "term");
    }

    /** The process's own settings. */
    static Settings read() {
        return read(System.getenv(), System.getProperties());
    }

    /**
     * @param env        environment variables
     * @param properties system properties; the launcher passes {@code concur.home}, {@code concur.tty} and
     *                   {@code concur.columns}, and the tests {@code concur.cache}
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
        return new Settings(
                home,
                cacheDir,
                data,
                tty,
                columns,
                env.getOrDefault("TERM", ""),
                env.get("NO_COLOR") != null,
                "1".equals(env.get("CONCUR_DEBUG")));
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
