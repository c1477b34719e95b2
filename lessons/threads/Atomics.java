import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Step 4: the two paying threads of step 2, four times, with four safe ways to keep the balance.
 * Each run prints whether every deposit counted, and how many deposits the two threads made per
 * second together.
 */
public class Atomics {

    static final int ROUNDS = 500_000;
    static final BigDecimal CENT = new BigDecimal("0.01");

    // 1. Step 3's way: a BigDecimal that only the thread holding the lock may touch.
    static final Lock lock = new ReentrantLock();
    static BigDecimal locked = BigDecimal.ZERO; // read and written only while holding lock

    // 2. The same BigDecimal in an AtomicReference, updated by compare-and-swap.
    static final AtomicReference<BigDecimal> reference = new AtomicReference<>(BigDecimal.ZERO);

    // 3. and 4. Whole cents in a long: an AtomicLong, and a LongAdder.
    static final AtomicLong atomic = new AtomicLong();
    static final LongAdder adder = new LongAdder();

    /** One thread's share: pay in 1 cent until both threads have done it `rounds` times. */
    interface Paying {
        long payInUntilBothDone(int rounds, CountDownLatch bothDone);
    }

    public static void main(String[] args) throws InterruptedException {
        // Warm-up: run each way once, unmeasured, so that the JIT compiler has turned all four
        // loops into machine code before any timing starts. Then start again from zero.
        race(Atomics::withLock, ROUNDS / 10);
        race(Atomics::withAtomicReference, ROUNDS / 10);
        race(Atomics::withAtomicLong, ROUNDS / 10);
        race(Atomics::withLongAdder, ROUNDS / 10);
        locked = BigDecimal.ZERO; // no other thread is running: main may write it without the lock
        reference.set(BigDecimal.ZERO);
        atomic.set(0);
        adder.reset();

        report("lock + BigDecimal:", race(Atomics::withLock, ROUNDS), () -> cents(locked));
        report("AtomicReference<BigDecimal>:", race(Atomics::withAtomicReference, ROUNDS),
                () -> cents(reference.get()));
        report("AtomicLong, cents:", race(Atomics::withAtomicLong, ROUNDS), atomic::get);
        report("LongAdder, cents:", race(Atomics::withLongAdder, ROUNDS), adder::sum);
    }

    record Result(long deposits, double seconds) {}

    /** Runs two threads that each do `paying`, started together by a start gate, as in step 2. */
    static Result race(Paying paying, int rounds) throws InterruptedException {
        CountDownLatch startGate = new CountDownLatch(2);
        CountDownLatch bothDone = new CountDownLatch(2);
        long[] deposits = new long[2];
        long start = System.nanoTime();
        Thread first = Thread.ofPlatform().name("payer-1")
                .start(() -> deposits[0] = passGateThen(startGate, paying, rounds, bothDone));
        Thread second = Thread.ofPlatform().name("payer-2")
                .start(() -> deposits[1] = passGateThen(startGate, paying, rounds, bothDone));
        first.join();
        second.join();
        return new Result(deposits[0] + deposits[1], (System.nanoTime() - start) / 1e9);
    }

    static long passGateThen(CountDownLatch startGate, Paying paying, int rounds,
                             CountDownLatch bothDone) {
        startGate.countDown();
        try {
            startGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts us here; if they did, stop
            return 0;
        }
        return paying.payInUntilBothDone(rounds, bothDone);
    }

    // Four loops alike but for the balance. Each has its own, so that the JIT compiles each one
    // for its own kind of balance and no way pays for the others.

    static long withLock(int rounds, CountDownLatch bothDone) {
        long deposits = 0;
        while (bothDone.getCount() > 0) {
            lock.lock();
            try {
                locked = locked.add(CENT);
            } finally {
                lock.unlock();
            }
            if (++deposits == rounds) {
                bothDone.countDown();
            }
        }
        return deposits;
    }

    static long withAtomicReference(int rounds, CountDownLatch bothDone) {
        long deposits = 0;
        while (bothDone.getCount() > 0) {
            // Reads the balance, adds, and swaps the sum in only if the balance is still the one
            // it read; if another thread got there first, it reads and adds again.
            reference.accumulateAndGet(CENT, BigDecimal::add);
            if (++deposits == rounds) {
                bothDone.countDown();
            }
        }
        return deposits;
    }

    static long withAtomicLong(int rounds, CountDownLatch bothDone) {
        long deposits = 0;
        while (bothDone.getCount() > 0) {
            // Read, add and write as one indivisible step: an atomic add instruction, or a
            // compare-and-swap that is retried if another thread got there first.
            atomic.incrementAndGet();
            if (++deposits == rounds) {
                bothDone.countDown();
            }
        }
        return deposits;
    }

    static long withLongAdder(int rounds, CountDownLatch bothDone) {
        long deposits = 0;
        while (bothDone.getCount() > 0) {
            // Each thread mostly adds into a cell of its own, so the two threads seldom touch the
            // same memory; sum() adds the cells up when asked.
            adder.increment();
            if (++deposits == rounds) {
                bothDone.countDown();
            }
        }
        return deposits;
    }

    static long cents(BigDecimal balance) {
        return balance.movePointRight(2).longValueExact();
    }

    static void report(String what, Result result, LongSupplier cents) {
        // Read the balance only now: join() in race() made all the threads' deposits visible.
        double millionsASecond = result.deposits() / result.seconds() / 1e6;
        // Locale.ROOT: always a decimal point, whatever the machine's language.
        System.out.println(String.format(Locale.ROOT,
                "%-28s %d deposits, balance %d cents, %.1f million a second",
                what, result.deposits(), cents.getAsLong(), millionsASecond));
    }
}
