import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The coroutines lesson's step C7 server (lessons/coroutines/HelloServer.java, compiled alongside) as a
 * plain server for load tests: {@code java HelloLoadServer DELAY_MS} prints "listening on PORT" and
 * serves on 127.0.0.1 until it is killed. With DELAY_MS 500, the lesson's own handlers answer; with
 * any other delay, handlers that do the same with that delay instead of the lesson's half second.
 */
public final class HelloLoadServer {

    // Connections waiting to be accepted. The lesson's 256 is enough for its 200 visitors; wrk opens
    // up to 5,000 at once, and connection attempts that find the queue full are retried by the client's
    // kernel only after a second, which a 30 s window would count against the server. Linux caps it
    // at net.core.somaxconn (4096 by default).
    static final int BACKLOG = 4096;

    public static void main(String[] args) throws IOException {
        long delayMs = Long.parseLong(args[0]);
        // The JDK server closes a connection that goes idle while this many others already are idle
        // (200 by default), and wrk then counts read errors and reconnects. wrk keeps every connection
        // open on purpose, so allow far more idle ones than the 5,000 it opens. The server reads this
        // property once, when the first HttpServer is made: it must be set before create().
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        server.setExecutor(
                Executors.newVirtualThreadPerTaskExecutor()); // as in the lesson: a virtual thread per request
        if (delayMs == HelloServer.SLOW.toMillis()) {
            server.createContext("/", HelloServer::index);
            server.createContext("/hello/", HelloServer::hello);
        } else {
            server.createContext("/", exchange -> {
                boolean index = exchange.getRequestURI().getPath().equals("/");
                respond(exchange, index ? 200 : 404, index ? "<h1>Index</h1>" : "<h1>Not found</h1>", delayMs);
            });
            server.createContext("/hello/", exchange -> {
                String name = exchange.getRequestURI().getPath().substring("/hello/".length());
                respond(exchange, 200, HelloServer.page(HelloServer.escapeHtml(name)), delayMs);
            });
        }
        server.start();
        System.out.println("listening on " + server.getAddress().getPort());
        // The dispatcher thread is not a daemon: the JVM serves until it is killed.
    }

    /** The lesson's respondSlowly() with the delay as a parameter; no sleep at all for 0. */
    static void respond(HttpExchange exchange, int status, String html, long delayMs) throws IOException {
        try (exchange) {
            if (delayMs > 0) {
                Thread.sleep(delayMs);
            }
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
}
