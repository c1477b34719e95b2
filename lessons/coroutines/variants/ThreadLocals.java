import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Step 10 without a virtual thread per task in the cache part: the pool of two again.
 * A ThreadLocal holds one value per thread. On a pool, a thread runs many tasks; with a
 * virtual thread per task, each task has a thread of its own, and so a value of its own.
 */
public class ThreadLocals {

    static final int TASKS = 100;

    /** How many formatters have been made. */
    static final AtomicInteger made = new AtomicInteger();

    /**
     * A cache: DecimalFormat is costly to make and not safe to share between threads, so each
     * thread makes one the first time it needs it and keeps it for its next tasks.
     */
    static final ThreadLocal<DecimalFormat> FORMAT = ThreadLocal.withInitial(() -> {
        made.incrementAndGet();
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    });

    /** Who the current request is for: set at its start, and to be removed at its end. */
    static final ThreadLocal<String> USER = new ThreadLocal<>();

    public static void main(String[] args) throws Exception {
        System.out.println("-- a cache in a ThreadLocal --");
        cache(() -> Executors.newFixedThreadPool(2));
        cache(() -> Executors.newFixedThreadPool(2)); // a pool again, not a thread per task

        System.out.println("-- a value left behind --");
        leftBehind("a pool of 1 platform thread", Executors::newSingleThreadExecutor);
        leftBehind("a virtual thread per task", Executors::newVirtualThreadPerTaskExecutor);
    }

    /** TASKS tasks each format a price with the formatter of the thread they run on. */
    static void cache(Supplier<ExecutorService> pools) throws Exception {
        made.set(0);
        Set<Long> threads = ConcurrentHashMap.newKeySet();
        Set<Boolean> virtual = ConcurrentHashMap.newKeySet();
        List<Future<String>> prices = new ArrayList<>();
        try (ExecutorService pool = pools.get()) {
            for (int i = 0; i < TASKS; i++) {
                double price = 1000.0 + i;
                prices.add(pool.submit(() -> {
                    threads.add(Thread.currentThread().threadId());
                    virtual.add(Thread.currentThread().isVirtual());
                    return FORMAT.get().format(price);
                }));
            }
        }
        String last = prices.get(TASKS - 1).get(); // the last price, as the formatter wrote it
        String kind = virtual.equals(Set.of(true)) ? "virtual" : "platform";
        System.out.println(TASKS + " tasks on " + threads.size() + " " + kind + " threads: "
                + made.get() + " formatters made (last price " + last + ")");
    }

    /** One task sets USER and forgets to remove it; the next task looks at USER. */
    static void leftBehind(String how, Supplier<ExecutorService> pools) throws Exception {
        try (ExecutorService pool = pools.get()) {
            pool.submit(() -> USER.set("ada")).get(); // ... and no USER.remove() at the end
            String seen = pool.submit(USER::get).get();
            System.out.println(how + ": the next task sees user " + seen);
        }
    }
}
