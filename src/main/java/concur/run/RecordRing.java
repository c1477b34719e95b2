package concur.run;

import java.io.IOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * concur's end of the ring that carries the lines of an example that prints many (see {@link Wire}):
 * a file in a fresh directory that only concur's user may enter, in shared memory ({@code /dev/shm})
 * where there is one, so it never reaches a disk. Made for every run, as the harness must open it
 * before it connects; it costs a few system calls, and its pages only when it is used.
 *
 * <p>concur maps only the first page, where the two counters live, and only once the harness uses the
 * ring; it reads records with positional reads: the ring's pages are the file's, not concur's, so they
 * do not count against its memory, and need no unmapping when a run ends.
 */
final class RecordRing implements AutoCloseable {
    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    private final Path directory;
    private final Path file;
    private final FileChannel channel;
    private MappedByteBuffer counters;
    private long tail;

    private RecordRing(Path directory, Path file, FileChannel channel) {
        this.directory = directory;
        this.file = file;
        this.channel = channel;
    }

    /** A new, empty ring. */
    static RecordRing create() throws IOException {
        Path directory = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                ? Files.createTempDirectory(SHARED_MEMORY, "concur-") // as createTempDirectory makes them: rwx------
                : Files.createTempDirectory("concur-");
        Path file = directory.resolve("ring");
        // Ctrl-C before the harness has mapped the file skips close(); deleted in reverse order: file, then directory
        directory.toFile().deleteOnExit();
        file.toFile().deleteOnExit();
        FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.write(ByteBuffer.allocate(1), Wire.RING_DATA + Wire.RING_BYTES - 1); // its full size, all zeros
        return new RecordRing(directory, file, channel);
    }

    /** What the harness maps, through {@link Wire#RING_VARIABLE}. */
    Path path() {
        return file;
    }

    /**
     * The records published since the last call, as whole records (the harness moves the head only
     * past a complete one), and room for as many more; empty when there are none.
     *
     * @throws Wire.MalformedRecordException when the head says more is waiting than the ring holds:
     *                                       the ring was written by something other than the harness
     */
    byte[] take() throws IOException {
        if (counters == null) {
            counters = channel.map(FileChannel.MapMode.READ_WRITE, 0, Wire.RING_DATA);
        }
        long head = counters.getLong(Wire.RING_HEAD);
        VarHandle.acquireFence(); // the head before the bytes it covers
        long waiting = head - tail;
        if (waiting < 0 || waiting > Wire.RING_BYTES) {
            tail = head; // not to be trusted, but the writer must not wait for room forever either
            counters.putLong(Wire.RING_TAIL, tail);
            throw new Wire.MalformedRecordException("a ring head of " + head);
        }
        byte[] records = new byte[(int) waiting];
        int at = (int) (tail % Wire.RING_BYTES);
        int first = Math.min(records.length, Wire.RING_BYTES - at);
        read(records, 0, first, Wire.RING_DATA + at);
        read(records, first, records.length - first, Wire.RING_DATA);
        tail = head;
        VarHandle.releaseFence(); // read them all before the harness may write over them
        counters.putLong(Wire.RING_TAIL, tail);
        return records;
    }

    private void read(byte[] into, int offset, int length, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, offset, length);
        for (long at = position; buffer.hasRemaining(); ) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new java.io.EOFException("the ring's file is shorter than a ring");
            }
            at += n;
        }
    }

    /**
     * Removes the file and its directory; the harness's mapping outlives them. Called once the harness
     * has connected, so a concur killed mid-run leaves nothing behind in shared memory, and again at the end.
     */
    void unlink() throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(directory);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            unlink();
        }
    }
}
