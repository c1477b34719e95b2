// Never ends, and leaves a process of its own behind it if nobody kills it.
public class SpinWithChild {
    static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        new ProcessBuilder("sleep", "86421").start();
        while (!stop) {
            Thread.onSpinWait();
        }
    }
}
