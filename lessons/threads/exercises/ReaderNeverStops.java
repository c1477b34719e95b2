import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Exercise: a writer hands colours to a reader through a queue, and then tells the reader to stop
 * by clearing a flag.
 */
public class ReaderNeverStops {

    /** Cleared by the writer when it has nothing more to send. */
    static volatile boolean running = true;

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        Thread writer = Thread.ofPlatform().name("writer").start(() -> write(queue));
        Thread reader = Thread.ofPlatform().name("reader").start(() -> read(queue));
        writer.join();
        reader.join();
        System.out.println("main: writer and reader have both finished");
    }

    static void write(BlockingQueue<String> queue) {
        try {
            for (String colour : List.of("red", "green", "blue")) {
                System.out.println("writer: put " + colour);
                queue.put(colour);
                Thread.sleep(100); // producing the next colour takes a moment
            }
            Thread.sleep(200);     // tidying up before saying it is finished
            running = false;
            System.out.println("writer: finished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void read(BlockingQueue<String> queue) {
        try {
            while (running) {
                String colour = queue.take();
                System.out.println("reader: got " + colour);
            }
            System.out.println("reader: stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
