package concur.run;

import com.sun.management.HotSpotDiagnosticMXBean;
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
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
            throw new IllegalStateException(
                    "the harness runs under concur, which sets " + Wire.TOKEN_VARIABLE + " and " + Wire.RING_VARIABLE);
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
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.flushPartialLines();
                            err.flushPartialLines();
                            channel.close();
                        },
                        OWN_THREAD_PREFIX + "-exit"));
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
        return className.startsWith("jdk.internal.reflect.")
                || className.startsWith("java.lang.reflect.")
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
                    channel.record(Wire.DUMP, 0, "", capped(Dump.of()));
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
        return Dump.of();
    }

    private static boolean isJvmInternal(String name) {
        return name.startsWith(OWN_THREAD_PREFIX)
                || switch (name) {
                    case "Reference Handler",
                            "Finalizer",
                            "Signal Dispatcher",
                            "Common-Cleaner",
                            "Notification Thread",
                            "Attach Listener",
                            "DestroyJavaVM",
                            "VirtualThread-unblocker" -> true;
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
     * The time-out report: deadlocks as cycles, platform threads with their locks, and virtual threads,
     * which the thread MXBean does not see, from the JDK's JSON thread dump ({@code jcmd Thread.dump_to_file}'s
     * format; JDK 21 writes name and stack only, 24 and later also state and what the thread is parked on).
     */
    static final class Dump {
        private static final int FRAMES = 12;
        private static final int VIRTUAL_SHOWN = 40;

        private Dump() {}

        static String of() {
            StringBuilder dump = new StringBuilder();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            deadlocks(threads, dump);
            for (ThreadInfo info : threads.dumpAllThreads(true, true)) {
                if (info != null && !isJvmInternal(info.getThreadName())) {
                    platform(info, dump);
                }
            }
            virtual(threads, dump);
            return dump.toString();
        }

        /** A cycle of platform threads each waiting for a lock the next one holds, said as a sentence. */
        private static void deadlocks(ThreadMXBean threads, StringBuilder dump) {
            long[] ids = threads.findDeadlockedThreads();
            if (ids == null) {
                return;
            }
            ThreadInfo[] cycle = threads.getThreadInfo(ids, true, true);
            List<String> clauses = new ArrayList<>();
            for (ThreadInfo info : cycle) {
                if (info == null) {
                    continue;
                }
                String held = Arrays.stream(cycle)
                        .filter(other -> other != null && info.getThreadName().equals(other.getLockOwnerName()))
                        .map(other -> lockName(other.getLockName()))
                        .findFirst()
                        .orElse("a lock");
                clauses.add(info.getThreadName() + " holds " + held + ", waits for " + lockName(info.getLockName())
                        + " held by " + info.getLockOwnerName());
            }
            dump.append("Deadlock: ").append(String.join("; ", clauses)).append(".\n");
        }

        private static void platform(ThreadInfo info, StringBuilder dump) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
                if (info.getLockOwnerName() != null) {
                    dump.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            dump.append('\n');
            StackTraceElement[] frames = info.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, FRAMES); i++) {
                dump.append("    at ").append(frames[i]).append('\n');
                for (MonitorInfo monitor : info.getLockedMonitors()) {
                    if (monitor.getLockedStackDepth() == i) {
                        dump.append("    - holds ").append(monitor).append('\n');
                    }
                }
            }
            if (frames.length > FRAMES) {
                dump.append("    ... ").append(frames.length - FRAMES).append(" more frames\n");
            }
            for (LockInfo sync : info.getLockedSynchronizers()) {
                dump.append("    - holds ").append(sync).append('\n');
            }
        }

        /** One line per virtual thread: its name, state, what it waits on, and the learner's frame. */
        private static void virtual(ThreadMXBean threads, StringBuilder dump) {
            List<Map<?, ?>> found = new ArrayList<>();
            try {
                Path file = Files.createTempDirectory("concur-dump").resolve("threads.json");
                try {
                    ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                            .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                    Set<Long> platformIds = new HashSet<>();
                    for (long id : threads.getAllThreadIds()) {
                        platformIds.add(id);
                    }
                    collectVirtual(new Json(Files.readString(file)).value(), platformIds, found);
                } finally {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.getParent());
                }
            } catch (IOException | RuntimeException e) {
                dump.append("(virtual threads could not be listed: ")
                        .append(e.getMessage())
                        .append(")\n");
                return;
            }
            if (found.isEmpty()) {
                return;
            }
            dump.append("Virtual threads (").append(found.size()).append("):\n");
            for (Map<?, ?> thread : found.subList(0, Math.min(found.size(), VIRTUAL_SHOWN))) {
                dump.append("  ").append(describeVirtual(thread)).append('\n');
            }
            if (found.size() > VIRTUAL_SHOWN) {
                dump.append("  ... and ").append(found.size() - VIRTUAL_SHOWN).append(" more\n");
            }
        }

        /** Threads marked virtual (JDK 24+), or not among the platform threads the MXBean knows (JDK 21). */
        private static void collectVirtual(Object node, Set<Long> platformIds, List<Map<?, ?>> found) {
            if (node instanceof List<?> list) {
                list.forEach(item -> collectVirtual(item, platformIds, found));
            } else if (node instanceof Map<?, ?> map) {
                if (map.get("tid") instanceof String tid && map.get("stack") instanceof List<?>) {
                    boolean virtual = Boolean.TRUE.equals(map.get("virtual"))
                            || (!map.containsKey("virtual") && !platformIds.contains(Long.parseLong(tid)));
                    if (virtual) {
                        found.add(map);
                    }
                    return;
                }
                map.values().forEach(value -> collectVirtual(value, platformIds, found));
            }
        }

        private static String describeVirtual(Map<?, ?> thread) {
            String name = thread.get("name") instanceof String n && !n.isEmpty() ? "\"" + n + "\"" : "(unnamed)";
            StringBuilder line = new StringBuilder("virtual #")
                    .append(thread.get("tid"))
                    .append(' ')
                    .append(name);
            if (thread.get("state") instanceof String state) {
                line.append(' ').append(state);
            }
            Object blocker = thread.get("parkBlocker") instanceof Map<?, ?> park
                    ? park.get("object")
                    : thread.get("blockedOn") != null ? thread.get("blockedOn") : thread.get("waitingOn");
            if (blocker != null) {
                line.append(" on ").append(lockName(blocker.toString()));
            }
            // The learner's own frame says where; failing that (a method reference into the JDK), the top one.
            List<?> stack = (List<?>) thread.get("stack");
            stack.stream()
                    .map(Object::toString)
                    .filter(frame -> !frame.startsWith("java.base/") && !frame.startsWith("jdk."))
                    .findFirst()
                    .or(() -> stack.stream().map(Object::toString).findFirst())
                    .ifPresent(frame -> line.append(" at ").append(frame.substring(frame.indexOf('/') + 1)));
            return line.toString();
        }

        /** {@code java.util.concurrent.locks.ReentrantLock$NonfairSync@1b2c} as {@code ReentrantLock$NonfairSync@1b2c}. */
        private static String lockName(String lock) {
            if (lock == null) {
                return "a lock";
            }
            int at = lock.indexOf('@');
            int dot = lock.lastIndexOf('.', at < 0 ? lock.length() : at);
            return lock.substring(dot + 1);
        }
    }

    /** Just enough JSON for the JDK's thread dump: objects, arrays, strings, numbers, booleans and null. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skipSpace();
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            skipSpace();
            if (text.charAt(at) == '}') {
                at++;
                return map;
            }
            while (true) {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (text.charAt(at++) == '}') {
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            skipSpace();
            if (text.charAt(at) == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (text.charAt(at++) == ']') {
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            for (char c; (c = text.charAt(at++)) != '"'; ) {
                if (c == '\\') {
                    char e = text.charAt(at++);
                    switch (e) {
                        case 'n' -> s.append('\n');
                        case 't' -> s.append('\t');
                        case 'r' -> s.append('\r');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            s.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> s.append(e);
                    }
                } else {
                    s.append(c);
                }
            }
            return s.toString();
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            return text.substring(start, at);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw new IllegalArgumentException("unexpected JSON at " + at);
            }
            at += word.length();
            return value;
        }

        private void expect(char c) {
            if (text.charAt(at++) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (at - 1));
            }
        }

        private void skipSpace() {
            while (Character.isWhitespace(text.charAt(at))) {
                at++;
            }
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
