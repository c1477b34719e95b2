// Lock order: alice locks A then B, bob locks B then A.
public class Deadlock {
    public static void main(String[] args) throws InterruptedException {
        Object a = new Object();
        Object b = new Object();
        Thread alice = new Thread(() -> transfer(a, b), "alice");
        Thread bob = new Thread(() -> transfer(b, a), "bob");
        alice.start(); bob.start();
        alice.join(); bob.join();
    }

    static void transfer(Object from, Object to) {
        synchronized (from) {
            synchronized (to) {
                System.out.println("moved");
            }
        }
    }
}
