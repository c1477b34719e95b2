import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Step 6: main sets a stop flag while a reader thread loops until it sees it, first with a plain
 * field, then with a volatile one.
 */
public class StopFlag {

    /** A plain field: nothing orders main's write before any of the reader's reads. */
    static final class PlainFlag {
        boolean stop;
    }

    /** A volatile field: main's write happens-before every read of the field that comes later. */
    static final class VolatileFlag {
        volatile boolean stop;
    }

    public static void main(String[] args) throws InterruptedException {
        PlainFlag plain = new PlainFlag();
        Thread plainReader = reader("plain-reader", () -> {
            while (!plain.stop) {
                // nothing to do but look at the flag again
            }
        });
        System.out.println("plain flag: " + setAndWatch(plainReader, () -> plain.stop = true));

        VolatileFlag flag = new VolatileFlag();
        Thread volatileReader = reader("volatile-reader", () -> {
            while (!flag.stop) {
                // the same empty loop
            }
        });
        System.out.println("volatile flag: " + setAndWatch(volatileReader, () -> flag.stop = true));
    }

    /** A daemon thread: the JVM can end while it is still looping. */
    static Thread reader(String name, Runnable loop) {
        return Thread.ofPlatform().name(name).daemon().unstarted(loop);
    }

    /** Starts the reader, lets it loop for a while, sets the flag, and says what the reader did. */
    static String setAndWatch(Thread reader, Runnable setFlag) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        reader.start();
        // Wait until the reader has spent 200 ms of CPU time in its loop: by then it has read the
        // flag many times, and the JIT compiler has turned the loop into machine code.
        while (threads.getThreadCpuTime(reader.threadId()) < 200_000_000L) {
            Thread.sleep(5);
        }
        setFlag.run();
        reader.join(1000); // wait at most 1 s for the reader to end
        return reader.isAlive()
                ? "main set stop = true; 1 s later the reader was still looping"
                : "main set stop = true; the reader stopped";
    }
}
