import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;

/**
 * Step 4: the same deposits and withdrawals with no lock at all, using atomic classes.
 */
public class Atomics {

    static final int ROUNDS = 10_000_000;

    public static void main(String[] args) throws InterruptedException {
        // AtomicLong: one value, and addAndGet() does read-add-write as one indivisible step
        // (an atomic add instruction, or a compare-and-swap that is retried if another thread
        // got there first).
        AtomicLong atomic = new AtomicLong();
        double atomicSeconds = race(atomic::addAndGet);
        report("AtomicLong", atomic.get(), atomicSeconds);

        // LongAdder: each thread mostly adds into its own cell, so threads rarely fight over
        // one memory location; sum() adds the cells up when you ask for the total.
        LongAdder adder = new LongAdder();
        double adderSeconds = race(adder::add);
        report("LongAdder", adder.sum(), adderSeconds);
    }

    /** Runs the two depositing threads against one shared counter; returns the seconds taken. */
    static double race(LongConsumer add) throws InterruptedException {
        long start = System.nanoTime();
        Thread five = Thread.ofPlatform().name("plus-minus-5")
                .start(() -> depositAndWithdraw(add, 5));
        Thread eight = Thread.ofPlatform().name("plus-minus-8")
                .start(() -> depositAndWithdraw(add, 8));
        five.join();
        eight.join();
        return (System.nanoTime() - start) / 1e9;
    }

    static void depositAndWithdraw(LongConsumer add, long n) {
        for (int i = 0; i < ROUNDS; i++) {
            add.accept(n);
            add.accept(-n);
        }
    }

    static void report(String what, long balance, double seconds) {
        // Locale.ROOT: always a decimal point, whatever the machine's language.
        System.out.println(
                String.format(Locale.ROOT, "%s: balance %d, took %.3f s", what, balance, seconds));
    }
}
