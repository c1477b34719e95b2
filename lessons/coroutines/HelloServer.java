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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Step 6: a small web server with two pages, each answered after half a second,
 * one virtual thread per request. Then 200 visitors arrive at once.
 */
public class HelloServer {

    static final Duration SLOW = Duration.ofMillis(500); // every page takes this long to make
    static final int VISITORS = 200;

    /** Set when the handlers of all VISITORS requests were running at the same moment. */
    static final AtomicBoolean allAtOnce = new AtomicBoolean();
    /** Opens only when VISITORS handlers wait at it together; see together(). */
    static final CyclicBarrier everybody = new CyclicBarrier(VISITORS, () -> allAtOnce.set(true));

    public static void main(String[] args) throws Exception {
        // The server runs every handler on a virtual thread of this executor. The server does not
        // close an executor it is given: try-with-resources does, after the server has stopped.
        try (ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpServer server = start(handlers);
            try {
                String base = "http://127.0.0.1:" + server.getAddress().getPort();
                System.out.println("server started at " + base);
                visit(base);
            } finally {
                server.stop(0);
            }
        }
    }

    static void visit(String base) throws Exception {
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            // A few visits, one after another.
            for (String path : List.of("/", "/hello/Ada", "/hello/%3Cscript%3E")) {
                HttpResponse<String> response =
                        client.send(get(base + path), HttpResponse.BodyHandlers.ofString());
                System.out.println(
                        "GET " + path + " -> " + response.statusCode() + " " + response.body());
            }
            System.out.println("unescaped, it would have been: " + page("<script>"));

            // Now many visitors at the same moment, each on a (client-side) virtual thread of its
            // own. They ask for /together/NAME: the /hello/NAME page, after a wait for the others.
            long start = System.nanoTime();
            List<Future<Boolean>> visits = new ArrayList<>();
            try (ExecutorService visitors = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 1; i <= VISITORS; i++) {
                    String name = "visitor-" + i;
                    visits.add(visitors.submit(() -> {
                        HttpResponse<String> response = client.send(
                                get(base + "/together/" + name),
                                HttpResponse.BodyHandlers.ofString());
                        return response.statusCode() == 200
                                && response.body().equals(page(escapeHtml(name)));
                    }));
                }
            } // close() waits for every visit to finish
            double seconds = (System.nanoTime() - start) / 1e9;
            long correct = 0;
            for (Future<Boolean> visit : visits) {
                correct += visit.get() ? 1 : 0;
            }
            System.out.println(String.format(Locale.ROOT,
                    "%d visitors, %d correct pages, in %.2f s", VISITORS, correct, seconds));
            System.out.println("all " + VISITORS + " handlers running at once: "
                    + (allAtOnce.get() ? "yes" : "no"));
        }
    }

    static HttpServer start(ExecutorService handlers) throws IOException {
        // Port 0: the system picks a free port. Backlog 256: room for all 200 visitors to wait to
        // be accepted at once (with the default of 50, the rest would retry only after a second).
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server = HttpServer.create(address, 256);
        // Without this line, the server runs every handler on its one dispatcher thread: one
        // request at a time.
        server.setExecutor(handlers);
        server.createContext("/", HelloServer::index);
        server.createContext("/hello/", HelloServer::hello);
        server.createContext("/together/", HelloServer::together);
        server.start();
        return server;
    }

    /** "/": the index page. The "/" context also gets every path no other context claims: 404. */
    static void index(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/")) {
            respondSlowly(exchange, 200, "<h1>Index</h1>");
        } else {
            respondSlowly(exchange, 404, "<h1>Not found</h1>");
        }
    }

    /** "/hello/NAME": a greeting. getPath() has already decoded %3C to '<' and so on. */
    static void hello(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/hello/".length());
        respondSlowly(exchange, 200, page(escapeHtml(name)));
    }

    /**
     * "/together/NAME": the page of "/hello/NAME", but first the handler waits (10 s at most) until
     * VISITORS handlers are waiting here together. Only that many handlers running at the same
     * moment can open the barrier: a server that handled fewer at a time would wait in vain.
     */
    static void together(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/together/".length());
        try {
            everybody.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            // Not all of them came (a later one finds the barrier broken): answer anyway.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        respondSlowly(exchange, 200, page(escapeHtml(name)));
    }

    static String page(String safeName) {
        return "<h1>hello, " + safeName + "!</h1>";
    }

    /**
     * Text from a visitor must not become markup: '<' turns into "&lt;", so the browser shows it
     * as a character.
     */
    static String escapeHtml(String text) {
        StringBuilder html = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }

    static void respondSlowly(HttpExchange exchange, int status, String html) throws IOException {
        try (exchange) {
            Thread.sleep(SLOW); // plain blocking code: only this request's virtual thread waits
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).build();
    }
}
