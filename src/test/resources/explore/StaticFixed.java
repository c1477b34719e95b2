// The fix: each update holds one lock.
public class StaticFixed {
    static long balance;
    static final Object LOCK = new Object();

    public static void main(String[] args) throws InterruptedException {
        Thread alice = new Thread(() -> { for (int i = 0; i < 2; i++) add(100); }, "alice");
        Thread bob = new Thread(() -> { for (int i = 0; i < 2; i++) add(50); }, "bob");
        alice.start(); bob.start();
        alice.join(); bob.join();
        if (balance != 300) throw new AssertionError("balance should be 300 but was " + balance);
    }

    static void add(long amount) {
        synchronized (LOCK) {
            balance += amount;
        }
    }
}
