package concur.step;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

/**
 * How busy the machine was when a run ended: what explains a time or speed limit missed by an example
 * that is right.
 *
 * @param average the system load average over the last minute (runnable and running tasks)
 * @param cores   the processors this JVM may use
 */
public record Load(double average, int cores) {
    /** The load now, where the platform reports one. */
    public static Optional<Load> now() {
        double average = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return average < 0
                ? Optional.empty()
                : Optional.of(new Load(average, Runtime.getRuntime().availableProcessors()));
    }

    /** More work waiting than cores to run it: an example gets less than the machine it was written for. */
    public boolean busy() {
        return average >= cores;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "load %.1f on %d %s", average, cores, cores == 1 ? "core" : "cores");
    }
}
