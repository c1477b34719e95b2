package concur.check;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a match has fixed so far: the text each named placeholder captured ({@code parent}), and the
 * thread each thread variable stands for ({@code $a}; the {@code $} keeps the two kinds of name apart).
 * Immutable, so that every branch of the search keeps its own.
 */
record Bindings(Map<String, String> values, int hash) {
    static final Bindings NONE = new Bindings(Map.of());

    /** The hash is kept: the search hashes its bindings at every step, and they may hold hundreds of names. */
    Bindings(Map<String, String> values) {
        this(Map.copyOf(values), values.hashCode());
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bindings that && hash == that.hash && values.equals(that.values);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    Bindings with(String name, String value) {
        Map<String, String> more = new HashMap<>(values);
        more.put(name, value);
        return new Bindings(more);
    }

    /** Whether some thread variable already stands for {@code thread}. */
    boolean holdsThread(String thread) {
        return values.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith("$") && e.getValue().equals(thread));
    }
}
