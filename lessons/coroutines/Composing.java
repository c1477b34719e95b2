import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Step 4: composing CompletableFutures. Which thread runs a stage; two lookups combined with
 * thenCombine; a failure turned into a fallback with exceptionally; handle; and orTimeout.
 */
public class Composing {

    static final Map<String, Integer> PRICES = Map.of("dune", 1250, "emma", 800);
    static final Map<String, Integer> STOCK = Map.of("dune", 3, "emma", 0);

    /** Set when the price lookup and the stock lookup were running at the same moment. */
    static final AtomicBoolean metAtOnce = new AtomicBoolean();
    /** Opens only when the two lookups wait at it together. */
    static final CyclicBarrier bothLookups = new CyclicBarrier(2, () -> metAtOnce.set(true));

    public static void main(String[] args) throws Exception {
        try (ExecutorService workers =
                Executors.newFixedThreadPool(2, Thread.ofPlatform().name("worker-", 1).factory())) {
            whichThread(workers);
            combine(workers);
            failures(workers);
            timeout();
        } // close() waits for the workers' tasks, then ends their threads
    }

    /** A stage without "Async" runs on the thread that completes the stage before it. */
    static void whichThread(ExecutorService workers) throws InterruptedException {
        System.out.println("-- which thread runs a stage --");
        // Two futures, each with one stage, both completed by a thread called "completer", as a
        // library's I/O thread would complete them.
        CompletableFuture<String> reply = new CompletableFuture<>();
        CompletableFuture<Void> plain = reply.thenAccept(
                text -> System.out.println("thenAccept ran on " + threadName()));
        CompletableFuture<String> otherReply = new CompletableFuture<>();
        CompletableFuture<Void> async = otherReply.thenAcceptAsync(
                text -> System.out.println("thenAcceptAsync(..., workers) ran on " + threadName()),
                workers);
        Thread completer = Thread.ofPlatform().name("completer").start(() -> {
            reply.complete("hi");
            otherReply.complete("hi");
        });
        completer.join();
        CompletableFuture.allOf(plain, async).join();
        CompletableFuture.completedFuture("hi")
                .thenAccept(text -> System.out.println("on a finished future: " + threadName()));
    }

    /** Price and stock are looked up at the same time, and thenCombine joins the two results. */
    static void combine(ExecutorService workers) {
        System.out.println("-- thenCombine: two lookups at once --");
        CompletableFuture<Integer> price =
                CompletableFuture.supplyAsync(() -> price("dune"), workers);
        CompletableFuture<Integer> stock =
                CompletableFuture.supplyAsync(() -> stock("dune"), workers);
        String line = price.thenCombineAsync(stock, Composing::describe, workers).join();
        System.out.println("dune: " + line);
        System.out.println("price and stock looked up at the same time: "
                + (metAtOnce.get() ? "yes" : "no"));
    }

    /** exceptionally() turns a failure into a value; handle() sees the value or the failure. */
    static void failures(ExecutorService workers) {
        System.out.println("-- exceptionally and handle --");
        int inStock = CompletableFuture.supplyAsync(() -> find(STOCK, "hamlet"), workers)
                .exceptionallyAsync(failure -> {
                    System.out.println("hamlet: lookup failed: " + cause(failure));
                    return 0; // the fallback: a book we do not know is not in stock
                }, workers)
                .join();
        System.out.println("hamlet: " + inStock + " in stock");

        for (String book : new String[] {"emma", "hamlet"}) {
            String line = CompletableFuture.supplyAsync(() -> find(PRICES, book), workers)
                    .handleAsync((cents, failure) -> failure == null
                            ? "costs " + euros(cents)
                            : "no price: " + cause(failure), workers)
                    .join();
            System.out.println(book + ": " + line);
        }
    }

    /** A reply that never comes: orTimeout() fails the future instead of waiting forever. */
    static void timeout() {
        System.out.println("-- orTimeout --");
        long start = System.nanoTime();
        CompletableFuture<String> neverAnswered = new CompletableFuture<>();
        try {
            neverAnswered.orTimeout(300, TimeUnit.MILLISECONDS).join();
            System.out.println("an answer came");
        } catch (CompletionException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("join() threw " + e.getClass().getSimpleName() + " after "
                    + millis + " ms, cause: " + cause(e));
        }
    }

    static int price(String book) {
        meetTheOtherLookup();
        return find(PRICES, book);
    }

    static int stock(String book) {
        meetTheOtherLookup();
        return find(STOCK, book);
    }

    static int find(Map<String, Integer> table, String book) {
        Integer value = table.get(book);
        if (value == null) {
            throw new NoSuchElementException("no book called " + book);
        }
        return value;
    }

    /**
     * Waits until the other lookup is here too (5 s at most). Only two lookups running at the
     * same moment can meet: one after the other, the first would wait in vain.
     */
    static void meetTheOtherLookup() {
        try {
            bothLookups.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            // the other lookup did not come: go on alone
        }
    }

    static String describe(int cents, int inStock) {
        return euros(cents) + ", " + inStock + " in stock, combined on " + threadName();
    }

    static String euros(int cents) {
        return String.format(Locale.ROOT, "%d.%02d EUR", cents / 100, cents % 100);
    }

    /** A failed stage hands on its exception wrapped in a CompletionException; unwrap it. */
    static String cause(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }

    static String threadName() {
        return Thread.currentThread().getName();
    }
}
