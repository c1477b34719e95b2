import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Step 2 without the race: balance is an AtomicReference, updated in one indivisible step.
 */
public class LostUpdates {

    static final int ROUNDS = 500_000;
    static final BigDecimal CENT = new BigDecimal("0.01");

    // accumulateAndGet() reads, adds and writes as one step: if another thread changed balance
    // in the meantime, it adds again to the new value (step 4 shows how).
    static final AtomicReference<BigDecimal> balance = new AtomicReference<>(BigDecimal.ZERO);

    public static void main(String[] args) throws InterruptedException {
        // The start gate: each thread counts it down and then waits until both have, so neither
        // starts paying in before the other one is running.
        CountDownLatch startGate = new CountDownLatch(2);
        // Each thread counts this down once it has paid in ROUNDS times, and goes on until both
        // have: so the two are at work together all the while the slower one works.
        CountDownLatch bothDone = new CountDownLatch(2);
        long[] deposits = new long[2]; // how often each thread paid in; each writes only its own

        Thread first = Thread.ofPlatform().name("payer-1")
                .start(() -> deposits[0] = payInUntilBothDone(startGate, bothDone));
        Thread second = Thread.ofPlatform().name("payer-2")
                .start(() -> deposits[1] = payInUntilBothDone(startGate, bothDone));
        // join() also makes what each thread wrote (deposits[], balance) visible to main.
        first.join();
        second.join();

        long made = deposits[0] + deposits[1];
        BigDecimal expected = CENT.multiply(BigDecimal.valueOf(made));
        BigDecimal actual = balance.get();
        long lost = expected.subtract(actual).divide(CENT).longValueExact();
        System.out.println("each thread paid in 0.01 at least " + ROUNDS + " times");
        System.out.println("expected balance: " + expected);
        System.out.println("actual balance:   " + actual);
        System.out.println("lost deposits:    " + lost);
    }

    /** Pays 0.01 in until both threads have done it ROUNDS times; returns how often it did. */
    static long payInUntilBothDone(CountDownLatch startGate, CountDownLatch bothDone) {
        startGate.countDown();
        try {
            startGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts us here; if they did, stop
            return 0;
        }
        long deposits = 0;
        while (bothDone.getCount() > 0) {
            // One indivisible step: no other deposit can come between read and write.
            balance.accumulateAndGet(CENT, BigDecimal::add);
            if (++deposits == ROUNDS) {
                bothDone.countDown();
            }
        }
        return deposits;
    }
}
