import java.math.BigDecimal;
import java.util.concurrent.CountDownLatch;

/**
 * Step 2: two threads pay into one shared account without any coordination, and deposits get
 * lost.
 */
public class LostUpdates {

    static final int ROUNDS = 500_000;
    static final BigDecimal CENT = new BigDecimal("0.01");

    // volatile: each deposit reads and writes the field itself, in program order, and a write
    // happens-before every later read that sees it (see the step's text). It does NOT make
    // read-add-write one step: that is what this step shows.
    static volatile BigDecimal balance = BigDecimal.ZERO;

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
        BigDecimal actual = balance;
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
            // Three steps: read balance, add 0.01, write the sum back. If the other thread writes
            // balance in between, this write wipes out the other thread's deposits.
            balance = balance.add(CENT);
            if (++deposits == ROUNDS) {
                bothDone.countDown();
            }
        }
        return deposits;
    }
}
