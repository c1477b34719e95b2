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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Step 5: fetch three "web sites" at once with HttpClient.sendAsync and print their headers.
 * The sites are served by a small local server, so the example needs no internet.
 */
public class FetchThree {

    static final List<String> SITES = List.of("news", "shop", "blog");
    static final Duration SLOW = Duration.ofMillis(500); // every site takes this long to answer

    /** Set when the requests for all three sites were in the server at the same moment. */
    static final AtomicBoolean allAtOnce = new AtomicBoolean();
    /** Opens only when three requests wait at it together; see answerSlowly(). */
    static final CyclicBarrier allThree =
            new CyclicBarrier(SITES.size(), () -> allAtOnce.set(true));

    public static void main(String[] args) throws Exception {
        // The server runs every request on a virtual thread of this executor. The server does not
        // close an executor it is given: try-with-resources does, after the server has stopped.
        try (ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpServer server = startSites(handlers);
            try {
                fetchAll("http://127.0.0.1:" + server.getAddress().getPort());
            } finally {
                server.stop(0);
            }
        }
    }

    static void fetchAll(String base) throws Exception {
        try (HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            // One untimed request first: loading and compiling the HTTP code takes a moment the
            // first time, and that is not what we measure. No site lives at "/": a quick 404.
            client.send(get(base + "/"), HttpResponse.BodyHandlers.discarding());

            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<Void>>> replies = new ArrayList<>();
            for (String site : SITES) {
                System.out.println("wget " + site + "...");
                // sendAsync() returns at once; the response arrives later and completes the future.
                replies.add(client
                        .sendAsync(get(base + "/" + site), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) ->
                                System.out.println(site + " answered after " + since(start))));
            }
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).join();
            System.out.println("all three answered after " + since(start));
            System.out.println("the server had all three requests at once: "
                    + (allAtOnce.get() ? "yes" : "no"));

            for (int i = 0; i < SITES.size(); i++) {
                printHeaders(SITES.get(i), replies.get(i).join());
            }
        }
    }

    static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).build();
    }

    /** The status line and the headers, one per line, the way the chapter prints them. */
    static void printHeaders(String site, HttpResponse<?> response) {
        // HttpClient keeps the status code, not the status line the server sent (which
        // would say "HTTP/1.1 200 OK"): this line is rebuilt from the version and the code.
        System.out.println(site + " header > HTTP/1.1 " + response.statusCode());
        // map() is sorted by name. HTTP header names ignore case; print them all in lower case.
        response.headers().map().forEach((name, values) -> {
            for (String value : values) {
                String lowerName = name.toLowerCase(Locale.ROOT);
                System.out.println(site + " header > " + lowerName + ": " + value);
            }
        });
    }

    /** Three sites on one local server, each answering after SLOW. */
    static HttpServer startSites(ExecutorService handlers) throws IOException {
        // Port 0: the system picks a free port, so this never clashes with anything else running.
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        HttpServer server = HttpServer.create(address, 0);
        server.setExecutor(handlers); // every request gets a virtual thread of its own
        for (String site : SITES) {
            String page = "<h1>" + site + "</h1>";
            server.createContext("/" + site, exchange -> answerSlowly(exchange, page));
        }
        server.start();
        return server;
    }

    static void answerSlowly(HttpExchange exchange, String html) throws IOException {
        try (exchange) {
            waitForTheOthers();
            Thread.sleep(SLOW); // a slow site; only this request's virtual thread waits
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the requests for all three sites are here (at most 10 s). Only requests that are
     * under way together can meet: sent one at a time, the first would wait here in vain.
     */
    static void waitForTheOthers() throws InterruptedException {
        try {
            allThree.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException | BrokenBarrierException e) {
            // They did not all come (a later request finds the barrier broken): answer anyway.
        }
    }

    static String since(long start) {
        return String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9);
    }
}
