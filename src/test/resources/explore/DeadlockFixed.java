// The fix: both threads take the locks in one order.
public class DeadlockFixed {
    public static void main(String[] args) throws InterruptedException {
        Object a = new Object();
        Object b = new Object();
        Thread alice = new Thread(() -> transfer(a, b), "alice");
        Thread bob = new Thread(() -> transfer(a, b), "bob");
        alice.start(); bob.start();
        alice.join(); bob.join();
    }

    static void transfer(Object first, Object second) {
        synchronized (first) {
            synchronized (second) {
                System.out.println("moved");
            }
        }
    }
}
