package concur.run;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A fresh working folder for one run, deleted afterwards with whatever the example wrote in it. An
 * example never runs in the folder concur was started from, so it can neither litter nor overwrite
 * the learner's files by relative paths.
 */
final class ScratchDir implements AutoCloseable {
    private final Path path;

    private ScratchDir(Path path) {
        this.path = path;
    }

    /** A new, empty folder under the system's temporary folder, readable by this user only. */
    static ScratchDir create() throws IOException {
        return new ScratchDir(Files.createTempDirectory("concur-run-").toAbsolutePath());
    }

    Path path() {
        return path;
    }

    /**
     * Deletes the folder and everything in it, as far as it can: symbolic links are removed, never
     * followed, and a folder the example made read-only is made writable first. A leftover in the
     * temporary folder is harmless, so a failure is not the learner's problem.
     */
    @Override
    public void close() {
        deleteTree(path);
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    delete(file);
                    return FileVisitResult.CONTINUE;
                }

                /** A folder the example made unreadable: made ours again, then walked on its own. */
                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && makeOwnerAccessible(file)) {
                        deleteTree(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left behind in the temporary folder
        }
    }

    /** Deletes a file, link or empty folder; where its folder was made read-only, makes it writable first. */
    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            Path parent = path.getParent();
            if (parent != null && makeOwnerAccessible(parent)) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException stillNot) {
                    // left behind in the temporary folder
                }
            }
        }
    }

    private static boolean makeOwnerAccessible(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
