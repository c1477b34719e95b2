import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Solution: the writer says "no more" through the queue itself, with an end marker, so the reader
 * hears it where it waits: in take().
 */
public class ReaderNeverStops {

    /** Put into the queue after the last colour: nothing more is coming. */
    static final String END = "no more colours";

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
            // A flag would be read only when the reader comes back to the top of its loop, and by
            // then it is already waiting in take() for a colour that never comes. The end marker
            // wakes it up there, after every colour that was put before it.
            queue.put(END);
            System.out.println("writer: finished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void read(BlockingQueue<String> queue) {
        try {
            for (String colour = queue.take(); !colour.equals(END); colour = queue.take()) {
                System.out.println("reader: got " + colour);
            }
            System.out.println("reader: stopping");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
