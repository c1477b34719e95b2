import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Step 9 with an event loop that serves each connection to its end before it looks at the
 * others, as the blocking server does. One echo service, three servers: one thread with blocking
 * calls, one thread with an event loop (a Selector), and one virtual thread per connection.
 */
public class EchoServers {

    static final int CLIENTS = 4;
    static final Duration PAUSE = Duration.ofMillis(500); // a client's pause between its two lines

    /** The names of the threads that answered during one visit. */
    static final Set<String> answeredBy = ConcurrentHashMap.newKeySet();

    /** Connections the server is serving right now, and the most it has served at once. */
    static final AtomicInteger serving = new AtomicInteger();
    static final AtomicInteger mostServing = new AtomicInteger();

    /** Set by main to end the event loop. (Not interrupt(): that would close a channel in use.) */
    static volatile boolean stopping;

    public static void main(String[] args) throws Exception {
        System.out.println("== one thread, blocking calls ==");
        Thread blocking;
        try (ServerSocket listener = listen()) {
            // serve() runs right in the accept loop: the next client is accepted when this one
            // has gone.
            blocking = Thread.ofPlatform().name("blocking")
                    .start(() -> acceptLoop(listener, EchoServers::serve));
            visit(listener.getLocalPort());
        } // closing the listener ends the accept loop
        blocking.join();

        System.out.println("== one thread, event loop ==");
        try (ServerSocketChannel listener = ServerSocketChannel.open();
                Selector selector = Selector.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread loop = Thread.ofPlatform().name("event-loop")
                    .start(() -> eventLoop(listener, selector));
            visit(listener.socket().getLocalPort());
            stopping = true;
            selector.wakeup(); // select() returns at once, and the loop sees that it should stop
            loop.join();
        }

        System.out.println("== a virtual thread per connection ==");
        Thread acceptor;
        // Resources close in reverse order: first the listener (no new connections), then the
        // executor, whose close() waits for the handlers still running.
        try (ExecutorService handlers = Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name("handler-", 1).factory());
                ServerSocket listener = listen()) {
            // The same serve() as the first server, but every connection gets a thread of its own.
            acceptor = Thread.ofPlatform().name("acceptor").start(() ->
                    acceptLoop(listener, socket -> handlers.submit(() -> serve(socket))));
            visit(listener.getLocalPort());
        }
        acceptor.join();
    }

    // ---- the event loop ----

    /** One thread serves every connection: it only touches sockets that have something for it. */
    static void eventLoop(ServerSocketChannel listener, Selector selector) {
        try {
            listener.configureBlocking(false);
            listener.register(selector, SelectionKey.OP_ACCEPT);
            while (!stopping) {
                selector.select(); // sleep until a socket is ready: a new connection, or bytes
                for (SelectionKey key : selector.selectedKeys()) {
                    try {
                        if (key.isAcceptable()) {
                            // No selector for the client: serve it to the end, then look again.
                            serve(listener.accept().socket());
                        } else if (key.isReadable()) {
                            readAndEcho(key);
                        }
                    } catch (IOException e) {
                        // One client's trouble (say, a connection reset) must not end the loop
                        // for all the others: drop that connection and carry on.
                        System.out.println("dropping a connection: " + e);
                        drop(key);
                    }
                }
                selector.selectedKeys().clear();
            }
            for (SelectionKey key : selector.keys()) {
                if (key.channel() instanceof SocketChannel client && client.isOpen()) {
                    stopServing(); // a client whose hang-up the loop had not read yet
                }
                key.channel().close();
            }
        } catch (IOException e) {
            System.out.println("event loop failed: " + e);
        }
    }

    static void accept(ServerSocketChannel listener, Selector selector) throws IOException {
        SocketChannel client = listener.accept();
        if (client == null) {
            return; // the connection went away before it could be accepted
        }
        startServing();
        client.configureBlocking(false);
        // The attachment keeps what this client has sent that is not yet a whole line.
        client.register(selector, SelectionKey.OP_READ, new StringBuilder());
    }

    /** Ends one client's connection after an error; the listener's key is left alone. */
    static void drop(SelectionKey key) {
        if (key.channel() instanceof SocketChannel client) {
            key.cancel();
            if (client.isOpen()) {
                stopServing();
                try {
                    client.close();
                } catch (IOException e) {
                    // it is going away anyway
                }
            }
        }
    }

    /** Reads what has arrived (never waits for more) and answers every complete line. */
    static void readAndEcho(SelectionKey key) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        StringBuilder pending = (StringBuilder) key.attachment();
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        if (client.read(buffer) == -1) { // the client has closed its end
            client.close();              // also takes it out of the selector
            stopServing();
            return;
        }
        pending.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
        for (int end; (end = pending.indexOf("\n")) >= 0; pending.delete(0, end + 1)) {
            // A short reply fits in the socket's send buffer, so write() takes all of it at once.
            // (A server sending more would also wait for OP_WRITE before writing the rest.)
            byte[] answer = reply(pending.substring(0, end)).getBytes(StandardCharsets.US_ASCII);
            client.write(ByteBuffer.wrap(answer));
        }
    }

    // ---- the servers with blocking calls ----

    static ServerSocket listen() throws IOException {
        // Port 0: the system picks a free port on the loopback address.
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    static void acceptLoop(ServerSocket listener, Consumer<Socket> handle) {
        try {
            while (true) {
                handle.accept(listener.accept());
            }
        } catch (SocketException closed) {
            // the listener was closed: time to stop
        } catch (IOException e) {
            System.out.println("accept failed: " + e);
        }
    }

    /** Plain blocking code: readLine() waits until the client has sent a line. */
    static void serve(Socket socket) {
        startServing();
        try (socket;
                BufferedReader in = reader(socket);
                Writer out = writer(socket)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.write(reply(line));
                out.flush();
            }
        } catch (IOException e) {
            System.out.println("serving failed: " + e);
        } finally {
            stopServing();
        }
    }

    static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    static Writer writer(Socket socket) throws IOException {
        return new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.US_ASCII);
    }

    static void startServing() {
        mostServing.accumulateAndGet(serving.incrementAndGet(), Math::max);
    }

    static void stopServing() {
        serving.decrementAndGet();
    }

    /** The answer to one line; it says which thread answered. */
    static String reply(String line) {
        String thread = Thread.currentThread().getName();
        answeredBy.add(thread);
        return "echo " + line + ", by " + thread + "\n";
    }

    // ---- the clients ----

    /** CLIENTS clients at once, each on a virtual thread; prints how long they took, who served. */
    static void visit(int port) throws InterruptedException {
        answeredBy.clear();
        mostServing.set(0);
        long start = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            clients.add(Thread.ofVirtual().name("client-" + i).start(() -> talk(port)));
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int threads = answeredBy.size();
        String servedBy = "served by " + threads + (threads == 1 ? " thread" : " threads");
        String report = "%d clients done in %.2f s, %s, up to %d at once";
        System.out.println(String.format(Locale.ROOT, report,
                CLIENTS, seconds, servedBy, mostServing.get()));
    }

    /** Says hello, pauses, says bye: the connection stays open all the while. */
    static void talk(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                BufferedReader in = reader(socket);
                Writer out = writer(socket)) {
            for (String word : List.of("hello", "bye")) {
                if (word.equals("bye")) {
                    Thread.sleep(PAUSE);
                }
                out.write(word + "\n");
                out.flush();
                System.out.println(Thread.currentThread().getName() + " got: " + in.readLine());
            }
        } catch (IOException e) {
            System.out.println(Thread.currentThread().getName() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop talking, but keep the interrupt visible
        }
    }
}
