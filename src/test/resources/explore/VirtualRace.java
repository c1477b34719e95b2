// A lost update on virtual threads: Fray cannot schedule them, so this goes to stress.
public class VirtualRace {
    static int count;

    public static void main(String[] args) throws InterruptedException {
        Thread alice = Thread.ofVirtual().start(() -> count++);
        Thread bob = Thread.ofVirtual().start(() -> count++);
        alice.join(); bob.join();
        if (count != 2) throw new AssertionError("expected 2 but was " + count);
    }
}
