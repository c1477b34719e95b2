package concur.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The harness's classes where a rebuild of concur cannot reach them. The launcher rewrites
 * {@code concur.jar} in place when the sources change, and an example's JVM (and any JVM it starts with
 * its class path) loads classes from its class path lazily: run from the jar, a rebuild in the middle of a
 * step could change or break what it loads. So the harness ({@link Harness} and {@link Wire}, which is all
 * it loads) runs from a folder beside the jar named by the classes' hash, written once.
 */
final class HarnessCopy {
    private static final String PACKAGE = "concur/run/";

    private HarnessCopy() {}

    /** The folder to put on an example's class path: {@code location} itself unless it is a jar. */
    static Path of(Path location) {
        if (!Files.isRegularFile(location)) {
            return location; // concur's own class folder, as in its tests
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            Map<String, byte[]> classes = new TreeMap<>();
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                String name = entry.getName();
                if (isHarness(name)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        classes.put(name, in.readAllBytes());
                    }
                }
            }
            Path folder = location.resolveSibling("harness-" + hash(classes));
            if (!Files.isDirectory(folder)) {
                write(folder, classes);
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy concur's harness out of " + location, e);
        }
    }

    /** Harness and Wire and their nested classes: all the harness loads (ArchitectureTest sees to that). */
    static boolean isHarness(String entry) {
        for (String type : new String[] {"Harness", "Wire"}) {
            if (entry.equals(PACKAGE + type + ".class") || entry.startsWith(PACKAGE + type + "$")) {
                return true;
            }
        }
        return false;
    }

    /** Written whole in a scratch folder and renamed into place, so no run sees half of it. */
    private static void write(Path folder, Map<String, byte[]> classes) throws IOException {
        Path scratch = Files.createTempDirectory(folder.getParent(), folder.getFileName() + ".");
        try {
            for (var entry : classes.entrySet()) {
                Path file = scratch.resolve(entry.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
            Files.move(scratch, folder, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException theirs) {
            // another concur wrote the same classes first
        } finally {
            if (Files.exists(scratch)) {
                try (var files = Files.walk(scratch)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static String hash(Map<String, byte[]> classes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (var entry : classes.entrySet()) {
                digest.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update(entry.getValue());
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
