import java.util.concurrent.CountDownLatch;

/**
 * Solution: every transfer takes the two locks in the same order, so no two threads can each
 * hold one lock and wait for the other.
 */
public class TransferDeadlock {

    static final int TRANSFERS = 3; // per thread

    static class Account {
        final int id; // fixes the order in which accounts are locked
        final String name;
        int balance;

        Account(int id, String name, int balance) {
            this.id = id;
            this.name = name;
            this.balance = balance;
        }
    }

    /** Moves {@code amount} from one account to the other, holding both accounts' locks. */
    static void transfer(Account from, Account to, int amount) {
        // Locking "from" first made alice lock checking then savings, and bob savings then checking:
        // each could take its first lock and then wait forever for the other's. Lock the account
        // with the lower id first, whichever way the money goes.
        Account first = from.id < to.id ? from : to;
        Account second = from.id < to.id ? to : from;
        synchronized (first) {
            synchronized (second) {
                int fromBalance = from.balance;
                from.balance = fromBalance - amount;
                int toBalance = to.balance;
                to.balance = toBalance + amount;
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Account checking = new Account(1, "checking", 100);
        Account savings = new Account(2, "savings", 100);
        CountDownLatch go = new CountDownLatch(1); // start gate: both threads begin together
        Thread alice = Thread.ofPlatform().name("alice").start(() -> {
            awaitQuietly(go);
            for (int i = 0; i < TRANSFERS; i++) {
                transfer(checking, savings, 10);
            }
        });
        Thread bob = Thread.ofPlatform().name("bob").start(() -> {
            awaitQuietly(go);
            for (int i = 0; i < TRANSFERS; i++) {
                transfer(savings, checking, 10);
            }
        });
        go.countDown();
        alice.join();
        bob.join();

        int total = checking.balance + savings.balance;
        System.out.println("checking " + checking.balance + ", savings " + savings.balance + ", total " + total);
        if (checking.balance != 100 || savings.balance != 100) {
            throw new AssertionError("expected 100 in each account, got " + checking.balance + " and " + savings.balance);
        }
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
