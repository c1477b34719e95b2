/**
 * Step 2: two threads change one shared variable without any coordination, and updates get lost.
 */
public class LostUpdates {

    static final int ROUNDS = 10_000_000;

    // volatile makes every read and write of balance really go to memory, so the JIT cannot fold
    // "+ n" and "- n" into nothing. It does NOT make "+=" atomic: that is what this step shows.
    static volatile long balance = 0;

    public static void main(String[] args) throws InterruptedException {
        Thread five = Thread.ofPlatform().name("plus-minus-5").start(() -> depositAndWithdraw(5));
        Thread eight = Thread.ofPlatform().name("plus-minus-8").start(() -> depositAndWithdraw(8));
        five.join();
        eight.join();

        System.out.println("each thread deposited and withdrew " + ROUNDS + " times");
        System.out.println("expected balance: 0");
        System.out.println("actual balance:   " + balance);
    }

    static void depositAndWithdraw(long n) {
        for (int i = 0; i < ROUNDS; i++) {
            // Each line is three steps: read balance, add, write balance back.
            // If the other thread writes in between, one of the two writes is lost.
            balance += n;
            balance -= n;
        }
    }
}
