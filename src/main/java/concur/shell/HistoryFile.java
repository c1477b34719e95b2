package concur.shell;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Whether the shell can keep its history in a file. JLine reads the file at the first prompt and
 * writes it at the end; a folder in its place, a file it cannot decode or a folder it cannot create
 * would end the shell with a stack trace, or lose the history silently. Checked once, up front: a
 * history that cannot be kept is a warning, and the shell goes on without one.
 */
final class HistoryFile {
    /** Far more than 1,000 lines of commands; a larger file is not the shell's. */
    private static final long MAX_BYTES = 8 << 20;

    private HistoryFile() {}

    /** Why {@code file} cannot hold the history, or empty when it can (it exists afterwards, perhaps empty). */
    static Optional<String> problem(Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
                if (!Files.isRegularFile(file)) {
                    return Optional.of("it is not an ordinary file");
                }
                if (Files.size(file) > MAX_BYTES) {
                    return Optional.of("it is larger than " + (MAX_BYTES >> 20) + " MB");
                }
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(file)));
            }
            // Opening it to append creates it if need be, and proves it can be written, whoever runs concur.
            Files.newByteChannel(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                    .close();
            return Optional.empty();
        } catch (CharacterCodingException e) {
            return Optional.of("it is not UTF-8 text");
        } catch (AccessDeniedException e) {
            return Optional.of("permission denied");
        } catch (FileSystemException e) {
            return Optional.of(
                    e.getReason() != null ? e.getFile() + ": " + e.getReason() : String.valueOf(e.getMessage()));
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
