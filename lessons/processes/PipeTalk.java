import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Step 4: a writer process and a reader process joined by a pipe, like {@code writer | reader} in a
 * shell. Both children run this same class, with the argument "writer" or "reader".
 */
public class PipeTalk {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0) {
            if (args[0].equals("writer")) {
                writer();
            } else {
                reader();
            }
            return;
        }
        // startPipeline joins the writer's stdout to the reader's stdin with an operating-system
        // pipe. The data goes from one child to the other directly; the parent is not in between.
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                child("writer"), child("reader").redirectErrorStream(true)));
        Process writer = pipeline.get(0);
        Process reader = pipeline.get(1);
        System.out.println("parent: writer is " + writer.pid() + ", reader is " + reader.pid());
        writer.getOutputStream().close(); // the writer reads nothing from the parent

        // What the children say about their work comes to the parent through two more pipes: the
        // writer's stderr (its stdout carries the data) and the reader's stdout. A thread per pipe
        // (threads are the next lesson's subject) passes it on, named after the child it hears.
        Thread fromWriter = relay("writer", writer.getErrorStream());
        Thread fromReader = relay("reader", reader.getInputStream());

        // Neither child needs to be stopped: the writer ends after its last value, and the reader
        // ends when it sees the end of its input.
        int writerCode = writer.waitFor();
        int readerCode = reader.waitFor();
        fromWriter.join();
        fromReader.join();
        System.out.println("parent: exit codes: writer " + writerCode + ", reader " + readerCode);
    }

    /** This same class in a new JVM, with {@code role} as its argument. */
    static ProcessBuilder child(String role) {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classPath = System.getProperty("java.class.path");
        return new ProcessBuilder(java, "-cp", classPath, "PipeTalk", role);
    }

    /** Copies what {@code from} delivers to our stdout, on a thread named {@code name}. */
    static Thread relay(String name, InputStream from) {
        return Thread.ofPlatform().name(name).start(() -> {
            try (from) {
                from.transferTo(System.out); // until the pipe closes
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The writer's part: send three values down stdout, and talk about it on stderr. */
    static void writer() throws InterruptedException {
        System.err.println("writer: I am process " + ProcessHandle.current().pid());
        for (String colour : List.of("red", "green", "blue")) {
            System.err.println("writer: sending " + colour);
            System.out.println(colour); // println on System.out flushes: the reader gets it now
            Thread.sleep(ThreadLocalRandom.current().nextInt(300)); // a short random pause
        }
        System.err.println("writer: no more values");
        // Returning ends this JVM, and that closes its end of the pipe.
    }

    /** The reader's part: read lines from stdin until the end of input. */
    static void reader() throws IOException {
        System.out.println("reader: I am process " + ProcessHandle.current().pid());
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // readLine() waits for the next line; it returns null once every writer closed the pipe.
        for (String line; (line = in.readLine()) != null; ) {
            System.out.println("reader: got " + line);
        }
        System.out.println("reader: end of input, stopping");
    }
}
