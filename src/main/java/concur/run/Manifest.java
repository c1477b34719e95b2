package concur.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The done-marker of a cached compile: every class file's size and SHA-256. It is written last, so a
 * folder without it was never finished; and it is checked on every use, so a class file truncated or
 * deleted since (a full disk, a cleaner, a crash) is found and the example compiled again, rather than
 * run and failing with a {@code ClassFormatError} that looks like the example's fault.
 */
final class Manifest {
    static final String FILE = ".complete";
    /** The first line; a marker from an older concur (which held only the class name) fails the check. */
    private static final String HEADER = "concur compiled classes v2";
    /** A real manifest lists a few class files; anything much larger is not one. */
    private static final long MAX_BYTES = 1 << 20;

    private Manifest() {}

    /** Lists every file under {@code classes}, as the last step of compiling into it. */
    static void write(Path classes) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = classes.relativize(file)
                        .toString()
                        .replace(file.getFileSystem().getSeparator(), "/");
                lines.add(Files.size(file) + " " + sha256(file) + " " + relative);
            }
        }
        Files.write(classes.resolve(FILE), lines, StandardCharsets.UTF_8);
    }

    /** Whether {@code classes} holds a finished compile whose files are all as they were written. */
    static boolean verified(Path classes) {
        Path marker = classes.resolve(FILE);
        try {
            if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS) || Files.size(marker) > MAX_BYTES) {
                return false;
            }
            List<String> lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
            if (lines.size() < 2 || !lines.get(0).equals(HEADER)) {
                return false;
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] parts = line.split(" ", 3);
                if (parts.length != 3 || parts[2].contains("..")) {
                    return false;
                }
                Path file = classes.resolve(parts[2]);
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || Files.size(file) != Long.parseLong(parts[0])
                        || !sha256(file).equals(parts[1])) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // unreadable or garbled: compile again
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
