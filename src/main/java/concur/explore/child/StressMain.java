package concur.explore.child;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fallback where Fray cannot run: the learner's {@code main}, again and again in one JVM, until it
 * throws or the runs are done. One JVM, because the JIT-compiled code of later runs races differently
 * (and more) than a fresh JVM's interpreter does. Loads no Fray, and runs on any JDK.
 *
 * <pre>StressMain RESULT CLASSES MAIN-CLASS RUNS [ARGS...]</pre>
 */
public final class StressMain {
    private StressMain() {}

    public static void main(String[] argv) throws Exception {
        Path result = Path.of(argv[0]);
        URL[] classes = {Path.of(argv[1]).toUri().toURL()};
        String mainClass = argv[2];
        int runs = Integer.parseInt(argv[3]);
        String[] args = Arrays.copyOfRange(argv, 4, argv.length);

        // A thread other than main that throws fails the run as well.
        AtomicReference<Throwable> uncaught = new AtomicReference<>();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.compareAndSet(null, e));
        Report report = new Report();
        long start = System.nanoTime();
        int run = 1;
        for (; run <= runs; run++) {
            // A fresh class loader each run: static fields start over, as in a fresh JVM.
            try (URLClassLoader loader = new URLClassLoader(classes, ClassLoader.getPlatformClassLoader())) {
                Method main = loader.loadClass(mainClass).getMethod("main", String[].class);
                main.invoke(null, (Object) args.clone());
            } catch (InvocationTargetException e) {
                uncaught.compareAndSet(null, e.getCause());
            } catch (ReflectiveOperationException e) {
                report.add(Report.ERROR, "cannot run " + mainClass + ".main: " + e);
                break;
            }
            if (uncaught.get() != null) {
                break;
            }
        }
        if (uncaught.get() != null) {
            report.add(Report.STRESS_FAILURE, run, uncaught.get().toString());
        } else if (run > runs) {
            report.add(Report.STRESSED, runs, (System.nanoTime() - start) / 1_000_000);
        }
        report.writeTo(result);
        Runtime.getRuntime().halt(0);
    }
}
