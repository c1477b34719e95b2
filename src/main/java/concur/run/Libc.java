package concur.run;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Array;
import java.util.Optional;

/**
 * The two C library calls containment needs and Java has no API for: becoming a child subreaper, and
 * reaping a zombie that was re-parented to concur.
 *
 * <p>They go through the FFM API ({@code java.lang.foreign}), which is final from JDK 22 but only a
 * preview in JDK 21, for which concur is compiled ({@code --release 21} rejects preview classes at
 * compile time). So it is looked up by reflection, and only on a JDK 22 or newer; elsewhere, or on a
 * system without these functions, {@link #load()} says why not and the caller degrades.
 */
final class Libc {
    /** {@code PR_SET_CHILD_SUBREAPER} from {@code <linux/prctl.h>}. */
    private static final int PR_SET_CHILD_SUBREAPER = 36;
    /** {@code WNOHANG} from {@code <sys/wait.h>}: never block concur on a process that is not a zombie yet. */
    private static final int WNOHANG = 1;

    /** {@code int prctl(int option, ...)}, called with one variadic {@code unsigned long}. */
    private final MethodHandle prctl;
    /** {@code pid_t waitpid(pid_t pid, int *status, int options)}, with {@code status} bound to NULL. */
    private final MethodHandle waitpid;

    private Libc(MethodHandle prctl, MethodHandle waitpid) {
        this.prctl = prctl;
        this.waitpid = waitpid;
    }

    /** Why the calls cannot be made here: the message says what is missing, for the learner. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    /** The calls, linked. */
    static Libc load() throws Unavailable {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            throw new Unavailable("it needs Linux");
        }
        if (Runtime.version().feature() < 22) {
            throw new Unavailable("it needs JDK 22 or newer, and this is JDK "
                    + Runtime.version().feature());
        }
        try {
            // Without native access the JDK would print its own warning (and later JDKs refuse): ask first.
            if (!(boolean) Module.class.getMethod("isNativeAccessEnabled").invoke(Libc.class.getModule())) {
                throw new Unavailable("it needs native access: run Java with --enable-native-access=ALL-UNNAMED");
            }
            Ffm ffm = new Ffm();
            MethodHandle prctl = ffm.downcall("prctl", 1, ffm.jint, ffm.jint, ffm.jlong);
            MethodHandle waitpid = ffm.downcall("waitpid", -1, ffm.jint, ffm.jint, ffm.address, ffm.jint);
            return new Libc(prctl, MethodHandles.insertArguments(waitpid, 1, ffm.nullAddress));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new Unavailable("the C library could not be called: " + e);
        }
    }

    /**
     * Makes this process a child subreaper: an orphan among its descendants is re-parented to it
     * instead of to init, so it stays a descendant whatever it does to its session and environment.
     */
    boolean becomeChildSubreaper() {
        try {
            return (int) prctl.invokeExact(PR_SET_CHILD_SUBREAPER, 1L) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    /**
     * Collects the exit status of {@code pid}, a child of this process, if it is a zombie. The JDK reaps
     * only the processes it started, so an adopted orphan stays a zombie of concur until this is called.
     * Never call it for a process a {@link Process} stands for: the JDK would lose its exit status.
     */
    boolean reap(long pid) {
        try {
            return (int) waitpid.invokeExact((int) pid, WNOHANG) == pid;
        } catch (Throwable e) {
            return false;
        }
    }

    /** Reflective access to the parts of {@code java.lang.foreign} used here. */
    private static final class Ffm {
        private final Class<?> memoryLayout = Class.forName("java.lang.foreign.MemoryLayout");
        private final Class<?> memorySegment = Class.forName("java.lang.foreign.MemorySegment");
        private final Class<?> functionDescriptor = Class.forName("java.lang.foreign.FunctionDescriptor");
        private final Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
        private final Class<?> symbolLookup = Class.forName("java.lang.foreign.SymbolLookup");
        private final Class<?> option = Class.forName("java.lang.foreign.Linker$Option");
        private final Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
        private final Object symbols = linkerClass.getMethod("defaultLookup").invoke(linker);
        private final Object jint = layout("JAVA_INT");
        private final Object jlong = layout("JAVA_LONG");
        private final Object address = layout("ADDRESS");
        private final Object nullAddress = memorySegment.getField("NULL").get(null);

        Ffm() throws ReflectiveOperationException {}

        private static Object layout(String name) throws ReflectiveOperationException {
            return Class.forName("java.lang.foreign.ValueLayout").getField(name).get(null);
        }

        /**
         * A handle on the C function {@code name} returning {@code result} and taking {@code parameters};
         * those from index {@code firstVariadic} on are variadic (-1: none).
         */
        MethodHandle downcall(String name, int firstVariadic, Object result, Object... parameters)
                throws ReflectiveOperationException {
            Object symbol = ((Optional<?>)
                            symbolLookup.getMethod("find", String.class).invoke(symbols, name))
                    .orElseThrow(() -> new NoSuchMethodException("no C function " + name));
            Object layouts = Array.newInstance(memoryLayout, parameters.length);
            for (int i = 0; i < parameters.length; i++) {
                Array.set(layouts, i, parameters[i]);
            }
            Object descriptor = functionDescriptor
                    .getMethod("of", memoryLayout, layouts.getClass())
                    .invoke(null, result, layouts);
            Object options = Array.newInstance(option, firstVariadic < 0 ? 0 : 1);
            if (firstVariadic >= 0) {
                Array.set(
                        options,
                        0,
                        option.getMethod("firstVariadicArg", int.class).invoke(null, firstVariadic));
            }
            return (MethodHandle) linkerClass
                    .getMethod("downcallHandle", memorySegment, functionDescriptor, options.getClass())
                    .invoke(linker, symbol, descriptor, options);
        }
    }
}
