import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Solution: the server runs every request on a virtual thread of its own.
 */
public class SingleFileServer {

    static final int VISITORS = 20;

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hello/", SingleFileServer::hello);
        // Without an executor, HttpServer calls every handler on its one dispatcher thread, so a
        // handler that waits holds up all the requests behind it. A virtual thread per request
        // lets every handler wait without holding up the others.
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        try {
            int pages = visit("http://127.0.0.1:" + server.getAddress().getPort() + "/hello/");
            System.out.println(VISITORS + " visitors, " + pages + " correct pages");
            System.out.println("all " + VISITORS + " handlers running at once: " + (allAtOnce.get() ? "yes" : "no"));
        } finally {
            server.stop(0);
        }
    }

    /** The handler: waits until all visitors are being served (3 s at most), then says hello. */
    static void hello(HttpExchange exchange) throws IOException {
        try (exchange) {
            waitForEveryone();
            String name = exchange.getRequestURI().getPath().substring("/hello/".length());
            byte[] body = ("<h1>hello, " + name + "!</h1>").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    // ---- Leave the rest as it is: the visitors, and the barrier that proves who ran at once. ----

    static final AtomicBoolean allAtOnce = new AtomicBoolean();
    /** Opens only when VISITORS handlers wait at it together. */
    static final CyclicBarrier everyone = new CyclicBarrier(VISITORS, () -> allAtOnce.set(true));

    static void waitForEveryone() {
        try {
            everyone.await(3, TimeUnit.SECONDS);
        } catch (InterruptedException | TimeoutException | BrokenBarrierException e) {
            // Not everybody came: a later handler finds the barrier broken. Answer anyway.
        }
    }

    /** VISITORS visitors at the same moment, each on a virtual thread; returns how many got the right page. */
    static int visit(String base) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService visitors = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> correct = new ArrayList<>();
            for (int v = 1; v <= VISITORS; v++) {
                String name = "visitor" + v;
                correct.add(visitors.submit(() -> client.send(HttpRequest.newBuilder(URI.create(base + name)).build(),
                        HttpResponse.BodyHandlers.ofString()).body().equals("<h1>hello, " + name + "!</h1>")));
            }
            int pages = 0;
            for (Future<Boolean> page : correct) {
                pages += page.get() ? 1 : 0;
            }
            return pages;
        }
    }
}
