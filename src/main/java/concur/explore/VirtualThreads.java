package concur.explore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a program uses virtual threads, which Fray 0.9.2 cannot schedule: every schedule hangs
 * (cmu-pasta/fray#166). Looked for by name, in the source and in the class files' constant pools, where
 * a call's method name is stored as plain text.
 */
final class VirtualThreads {
    private static final List<String> MARKS =
            List.of("ofVirtual", "newVirtualThreadPerTaskExecutor", "startVirtualThread");

    private VirtualThreads() {}

    static boolean used(Target target) {
        try {
            if (Files.isReadable(target.sourceFile()) && mentions(Files.readString(target.sourceFile()))) {
                return true;
            }
            try (Stream<Path> files = Files.walk(target.classes())) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    if (mentions(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))) {
                        return true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: Fray will say what is wrong
        }
        return false;
    }

    private static boolean mentions(String text) {
        return MARKS.stream().anyMatch(text::contains);
    }
}
