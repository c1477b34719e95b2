package concur.run;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.invoke.VarHandle;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs inside the example's JVM: starts the example's {@code main} and reports every line it prints,
 * tagged with elapsed time, thread and stream, to concur through the tag channel ({@link Wire}).
 *
 * <p>The tags travel on their own channel, not on the child's stdout, so that a grandchild process
 * writing to an inherited stdout cannot corrupt them; such bytes reach concur untagged. This class
 * and its nested classes, with {@link Wire}, are all the example's JVM loads of concur, so it stays
 * small and uses the JDK only.
 */
public final class Harness {
    private static final String OWN_THREAD_PREFIX = "concur-harness";
    private static final String JAVA_MAIN = "public static void main(String[] args)";

    private Harness() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: Harness PORT MAIN-CLASS [ARGS...]");
        }
        String token = System.getenv(Wire.TOKEN_VARIABLE);
        String ring = System.getenv(Wire.RING_VARIABLE);
        if (token == null || ring == null) {
            throw new IllegalStateException("the harness runs under concur, which sets " + Wire.TOKEN_VARIABLE
                    + " and " + Wire.RING_VARIABLE);
        }
        long start = System.nanoTime();
        FileChannel ringFile = open(Path.of(ring)); // before connecting: concur deletes the file once we have
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        socket.setTcpNoDelay(true);
        Wire.writeToken(socket.getOutputStream(), token);
        Channel channel = new Channel(socket, ringFile, start);
        channel.record(Wire.START, 0, "", "");
        LineSplitter out = new LineSplitter(channel, Wire.STDOUT);
        LineSplitter err = new LineSplitter(channel, Wire.STDERR);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.flushPartialLines();
            err.flushPartialLines();
            channel.close();
        }, OWN_THREAD_PREFIX + "-exit"));
        daemon("-control", () -> listen(socket, channel));
        runMain(args[1], Arrays.copyOfRange(args, 2, args.length));
    }

    static FileChannel open(Path ring) throws IOException {
        return FileChannel.open(ring, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static void daemon(String suffix, Runnable task) {
        Thread thread = new Thread(task, OWN_THREAD_PREFIX + suffix);
        thread.setDaemon(true);
        thread.start();
    }

    private static void runMain(String className, String[] args) throws Exception {
        Method main = mainMethod(className);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException | ExceptionInInitializerError e) {
            // Behave as the JVM does with an uncaught exception in main (or in the class's static
            // initialiser): report it, let the other non-daemon threads finish, then exit with status 1.
            Throwable thrown = e instanceof InvocationTargetException invoked ? invoked.getCause() : e;
            thrown.setStackTrace(withoutHarnessFrames(thrown.getStackTrace()));
            System.err.print("Exception in thread \"main\" ");
            thrown.printStackTrace();
            awaitOtherNonDaemonThreads();
            System.exit(1);
        }
    }

    /**
     * The {@code main} that {@code java} 21 would run (without preview features, which examples are
     * compiled without): {@code public static void main(String[])}, declared or inherited, in a class
     * that need not be public. Anything else ends the JVM with java's own error, on one line.
     */
    static Method mainMethod(String className) {
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw exit("Error: Could not find or load main class " + className);
        }
        Method main;
        try {
            main = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw exit("Error: Main method not found in class " + className + ", please define the main method as: "
                    + JAVA_MAIN);
        }
        String declaring = main.getDeclaringClass().getName();
        if (!Modifier.isStatic(main.getModifiers())) {
            throw exit("Error: Main method is not static in class " + declaring + ", please define the main method as: "
                    + JAVA_MAIN);
        }
        if (main.getReturnType() != void.class) {
            throw exit("Error: Main method must return a value of type void in class " + declaring
                    + ", please define the main method as: " + JAVA_MAIN);
        }
        main.setAccessible(true); // java runs a public main in a package-private class; reflection needs leave
        return main;
    }

    /** Says why on stderr, as java does, and exits with java's status; never returns normally. */
    private static IllegalStateException exit(String message) {
        System.err.println(message);
        System.exit(1);
        return new IllegalStateException(message); // not reached
    }

    /** The reflective call and this class are concur's business, not the learner's. */
    private static StackTraceElement[] withoutHarnessFrames(StackTraceElement[] frames) {
        int end = frames.length;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(Harness.class.getName())) {
                end = i;
                while (end > 0 && isReflection(frames[end - 1].getClassName())) {
                    end--;
                }
                break;
            }
        }
        return Arrays.copyOf(frames, end);
    }

    private static boolean isReflection(String className) {
        return className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
                || className.startsWith("java.lang.invoke.");
    }

    private static void awaitOtherNonDaemonThreads() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && !thread.isDaemon()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Serves concur's requests; when concur goes away, the example goes too, with its children. */
    private static void listen(Socket socket, Channel channel) {
        try {
            InputStream in = socket.getInputStream();
            for (int request; (request = in.read()) != -1; ) {
                if (request == Wire.DUMP_REQUEST) {
                    channel.record(Wire.DUMP, 0, "", capped(threadDump()));
                }
            }
        } catch (IOException e) {
            // fall through: the connection is gone either way
        }
        if (!channel.closing()) {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            Runtime.getRuntime().halt(137);
        }
    }

    /** A dump of thousands of threads is cut to what the channel carries (UTF-8 takes at most 3 bytes a char). */
    private static String capped(String dump) {
        int max = Wire.MAX_TEXT_BYTES / 3;
        return dump.length() <= max ? dump : dump.substring(0, max) + "\n... (the rest of the dump is cut)\n";
    }

    /** Which thread waits on what: enough to see a deadlock or a reader that never stops. */
    static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            if (info == null || isJvmInternal(info.getThreadName())) {
                continue;
            }
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
                if (info.getLockOwnerName() != null) {
                    dump.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            dump.append('\n');
            StackTraceElement[] frames = info.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 12); i++) {
                dump.append("    at ").append(frames[i]).append('\n');
                for (MonitorInfo monitor : info.getLockedMonitors()) {
                    if (monitor.getLockedStackDepth() == i) {
                        dump.append("    - holds ").append(monitor).append('\n');
                    }
                }
            }
            if (frames.length > 12) {
                dump.append("    ... ").append(frames.length - 12).append(" more frames\n");
            }
            for (LockInfo sync : info.getLockedSynchronizers()) {
                dump.append("    - holds ").append(sync).append('\n');
            }
        }
        dump.append("(virtual threads are not listed here; jcmd PID Thread.dump_to_file shows them)\n");
        return dump.toString();
    }

    private static boolean isJvmInternal(String name) {
        return name.startsWith(OWN_THREAD_PREFIX)
                || switch (name) {
                    case "Reference Handler", "Finalizer", "Signal Dispatcher", "Common-Cleaner", "Notification Thread",
                         "Attach Listener", "DestroyJavaVM" -> true;
                    default -> false;
                };
    }

    /** The name a learner will recognise; unnamed threads (virtual ones, usually) get one. */
    static String threadName(Thread thread) {
        String name = thread.getName();
        if (!name.isEmpty()) {
            return name;
        }
        return (thread.isVirtual() ? "virtual-" : "thread-") + thread.threadId();
    }

    /**
     * The tag channel's writing end. Every record is handed to the kernel before the print call that
     * made it returns, so nothing is lost if the JVM halts or dies right after. The first
     * {@link #SOCKET_LINES} lines are written to the socket, one write each; an example that prints
     * more gets the ring, where a line costs a copy instead of a system call. (Mapping the ring costs
     * the JVM some 100 ms of CPU the first time, so an example that prints little never pays it.)
     */
    static final class Channel {
        /** A write to the socket takes 2-5 µs: 1,000 lines cost a few milliseconds. */
        static final int SOCKET_LINES = 1_000;

        private final Socket socket;
        private final OutputStream out;
        private final FileChannel ringFile;
        private final long start;
        /** A lock, not {@code synchronized}: on JDK 21 a virtual thread blocked in a socket write must unmount. */
        private final ReentrantLock lock = new ReentrantLock();
        private final RecordBuffer buffer = new RecordBuffer();
        private final DataOutputStream encoder = new DataOutputStream(buffer);
        private int lines;
        /** Once lines go through the ring; read and written under the lock. */
        private MappedByteBuffer ring;
        /** Bytes put in the ring in all; written under the lock. */
        private long head;
        private volatile boolean closing;

        /** @param ringFile the ring's file, opened before concur deleted it; mapped only when needed */
        Channel(Socket socket, FileChannel ringFile, long start) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.ringFile = ringFile;
            this.start = start;
        }

        void record(int type, int source, String thread, String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            record(type, source, thread, bytes, 0, bytes.length, 0);
        }

        void record(int type, int source, String thread, byte[] text, int offset, int length, long cut) {
            lock.lock();
            try {
                if (closing && type != Wire.END) {
                    return;
                }
                if (type == Wire.LINE && ++lines == SOCKET_LINES + 1) {
                    useRing();
                }
                buffer.reset();
                Wire.write(encoder, type, System.nanoTime() - start, source, thread, text, offset, length, cut);
                if (ring == null || type == Wire.DUMP) { // a dump may be larger than the ring
                    out.write(buffer.bytes(), 0, buffer.size()); // one write: the record is never split by another
                } else {
                    put(buffer.bytes(), buffer.size());
                }
            } catch (IOException e) {
                // concur has gone; the control thread ends this JVM
            } finally {
                lock.unlock();
            }
        }

        /** Maps the ring and tells concur that from here on the lines are there. */
        private void useRing() throws IOException {
            MappedByteBuffer mapped;
            try (ringFile) {
                mapped = ringFile.map(FileChannel.MapMode.READ_WRITE, 0, Wire.RING_DATA + Wire.RING_BYTES);
            } catch (IOException e) {
                return; // the socket it stays: slower, not worse
            }
            buffer.reset();
            Wire.write(encoder, Wire.RING, System.nanoTime() - start, Wire.STDOUT, "", "");
            out.write(buffer.bytes(), 0, buffer.size());
            ring = mapped; // only once concur has been told to look there
        }

        /** Copies a record into the ring, wrapping at its end, then publishes it by moving the head. */
        private void put(byte[] bytes, int size) {
            while (head + size - tail() > Wire.RING_BYTES) {
                LockSupport.parkNanos(50_000); // concur is behind, and polls often while lines come
            }
            int at = (int) (head % Wire.RING_BYTES);
            int first = Math.min(size, Wire.RING_BYTES - at);
            ring.put(Wire.RING_DATA + at, bytes, 0, first);
            ring.put(Wire.RING_DATA, bytes, first, size - first);
            head += size;
            VarHandle.releaseFence(); // the record's bytes before the head that makes them concur's to read
            ring.putLong(Wire.RING_HEAD, head);
        }

        private long tail() {
            long tail = ring.getLong(Wire.RING_TAIL);
            VarHandle.acquireFence(); // concur has read up to here: only now may it be overwritten
            return tail;
        }

        boolean closing() {
            return closing;
        }

        void close() {
            lock.lock();
            try {
                closing = true;
                record(Wire.END, 0, "", "");
                socket.close();
                ringFile.close();
            } catch (IOException e) {
                // nothing left to tell
            } finally {
                lock.unlock();
            }
        }
    }

    /** One record's bytes, encoded before they are written; its array is reused, so a line costs no garbage here. */
    private static final class RecordBuffer extends ByteArrayOutputStream {
        RecordBuffer() {
            super(256);
        }

        byte[] bytes() {
            return buf;
        }
    }

    /**
     * Cuts one stream into lines per thread, so that two threads printing at once never mix within a
     * line. Of a line longer than {@link Wire#MAX_LINE_BYTES} only the first part is kept, and the rest
     * counted up to its newline: a 500 MB line costs a few kilobytes and arrives as one line.
     */
    static final class LineSplitter extends OutputStream {
        private final Channel channel;
        private final int stream;
        private final Map<Thread, Partial> partial = new ConcurrentHashMap<>();

        /** @param stream {@link Wire#STDOUT} or {@link Wire#STDERR} */
        LineSplitter(Channel channel, int stream) {
            this.channel = channel;
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            Thread thread = Thread.currentThread();
            Partial line = partial.get(thread);
            int end = offset + length;
            int from = offset;
            for (int i = offset; i < end; i++) {
                if (bytes[i] == '\n') {
                    if (line == null && !contains(bytes, from, i, (byte) '\r')) {
                        emit(thread, bytes, from, i - from, 0); // the usual println: sent from the caller's array
                    } else {
                        line = line == null ? new Partial() : line;
                        line.add(bytes, from, i);
                        emit(thread, line.bytes, 0, line.size, line.cut);
                        line.reset();
                    }
                    from = i + 1;
                }
            }
            if (from < end) {
                line = line == null ? new Partial() : line;
                line.add(bytes, from, end);
                partial.put(thread, line);
            } else if (line != null) {
                partial.remove(thread); // a thread that ends leaves nothing behind
            }
        }

        private static boolean contains(byte[] bytes, int from, int to, byte b) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == b) {
                    return true;
                }
            }
            return false;
        }

        /** {@code length} bytes of {@code text} as a line, cut to the wire's limit between characters. */
        private void emit(Thread thread, byte[] text, int offset, int length, long cut) {
            int sent = Wire.characterBoundary(text, offset, Math.min(length, Wire.MAX_LINE_BYTES));
            channel.record(Wire.LINE, stream, threadName(thread), text, offset, sent, cut + length - sent);
        }

        /** At exit: text printed without a final newline is still output. */
        void flushPartialLines() {
            partial.forEach((thread, line) -> {
                if (!line.isEmpty()) {
                    emit(thread, line.bytes, 0, line.size, line.cut);
                }
            });
            partial.clear();
        }
    }

    /**
     * A line so far: its first {@link Wire#MAX_LINE_BYTES} bytes (in an array that grows only as far as
     * the line does), and how many more there were. Carriage returns are dropped: CRLF is a line end,
     * and a lone CR would rewrite the learner's terminal row.
     */
    private static final class Partial {
        private byte[] bytes = new byte[64];
        private int size;
        private long cut;

        void add(byte[] from, int start, int end) {
            for (int i = start; i < end; i++) {
                byte b = from[i];
                if (b == '\r') {
                    continue;
                }
                if (size == bytes.length && size < Wire.MAX_LINE_BYTES) {
                    bytes = Arrays.copyOf(bytes, Math.min(2 * size, Wire.MAX_LINE_BYTES));
                }
                if (size < bytes.length) {
                    bytes[size++] = b;
                } else {
                    cut++;
                }
            }
        }

        boolean isEmpty() {
            return size == 0 && cut == 0;
        }

        void reset() {
            size = 0;
            cut = 0;
        }
    }
}
