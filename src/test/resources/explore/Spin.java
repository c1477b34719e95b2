// Never ends: waits for a flag nobody sets.
public class Spin {
    static volatile boolean stop;

    public static void main(String[] args) {
        while (!stop) {
            Thread.onSpinWait();
        }
    }
}
