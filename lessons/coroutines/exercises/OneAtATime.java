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
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Exercise: fetch three pages from a local server. The pages are slow, so the three requests
 * should be under way at the same time; they go one after another.
 */
public class OneAtATime {

    static final List<String> SITES = List.of("news", "shop", "blog");

    public static void main(String[] args) throws Exception {
        HttpServer server = startServer();
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            System.out.println("fetching " + String.join(", ", SITES));
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (String site : SITES) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + site)).build();
                responses.add(client.send(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < SITES.size(); i++) {
                System.out.println(SITES.get(i) + ": " + responses.get(i).statusCode() + " " + responses.get(i).body());
            }
        } finally {
            server.stop(0);
        }
        System.out.println("most requests in the server at once: " + mostInFlight.get());
    }

    // ---- The server. Leave it as it is. ----

    static final AtomicInteger inFlight = new AtomicInteger();
    static final AtomicInteger mostInFlight = new AtomicInteger();
    /** A slow page waits here until all three requests have arrived (for 3 s at most). */
    static final CyclicBarrier allThree = new CyclicBarrier(SITES.size());

    static HttpServer startServer() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor()); // a virtual thread per request
        for (String site : SITES) {
            server.createContext("/" + site, exchange -> answer(exchange, "<h1>" + site + "</h1>"));
        }
        server.start();
        return server;
    }

    static void answer(HttpExchange exchange, String html) throws IOException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            try {
                allThree.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException | TimeoutException | BrokenBarrierException e) {
                // not all three came: answer anyway
            }
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
