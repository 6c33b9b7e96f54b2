package org.unifiedanalytics.examples.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The dashboard of the example host application: a small JSON API over the query module, and a page
 * with four views (channel performance, the funnel, attribution, freshness) drawn with ECharts served
 * from its WebJar, so it works with no internet.
 *
 * <pre>{@code
 * try (DashboardServer dashboard = DashboardServer.start(warehouse, ingestion, 8080)) {
 *     System.out.println("Dashboard at " + dashboard.url());
 * }
 * }</pre>
 */
public final class DashboardServer implements AutoCloseable {
    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

    private final HttpServer server;
    private final ExecutorService executor;
    private final DashboardData data;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private DashboardServer(HttpServer server, ExecutorService executor, DashboardData data) {
        this.server = server;
        this.executor = executor;
        this.data = data;
    }

    /** Serves the dashboard on loopback; port 0 picks a free one. */
    public static DashboardServer start(Warehouse warehouse, Ingestion ingestion, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 20);
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        DashboardServer dashboard = new DashboardServer(server, executor, new DashboardData(warehouse, ingestion));
        server.createContext("/", dashboard::handle);
        server.start();
        return dashboard;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!boundHost(exchange.getRequestHeaders().getFirst("Host"))) {
                // DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 must not read the data.
                send(exchange, 421, "application/json", "{\"error\":\"unknown host\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            try {
                switch (path) {
                    case "/", "/index.html" -> resource(exchange, "/dashboard/index.html", "text/html; charset=utf-8");
                    case "/app.js" -> resource(exchange, "/dashboard/app.js", "text/javascript; charset=utf-8");
                    case "/app.css" -> resource(exchange, "/dashboard/app.css", "text/css; charset=utf-8");
                    case "/assets/echarts.min.js" -> resource(exchange, ECHARTS, "text/javascript; charset=utf-8");
                    case "/api/all" -> send(exchange, 200, "application/json", json.writeValueAsBytes(
                            data.all(date(query, "from"), date(query, "to"), Optional.ofNullable(query.get("channel"))
                                    .filter(c -> !c.isBlank()))));
                    default -> send(exchange, 404, "application/json",
                            ("{\"error\":\"no such page: " + path.replace("\"", "") + "\"}").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                send(exchange, 400, "application/json", json.writeValueAsBytes(Map.of("error", String.valueOf(e.getMessage()))));
            } catch (RuntimeException e) {
                send(exchange, 500, "application/json", json.writeValueAsBytes(Map.of("error", "the query failed: "
                        + e.getClass().getSimpleName())));
            }
        }
    }

    /** The page, with every view's data embedded: a report that opens from a file, with no server. */
    public String standaloneReport(LocalDate from, LocalDate to) throws IOException {
        String page = text("/dashboard/index.html");
        String embedded = "<script>window.EMBEDDED_DATA = " + json.writeValueAsString(data.all(from, to, Optional.empty()))
                .replace("</", "<\\/") + ";</script>";
        return page.replace("<script src=\"assets/echarts.min.js\"></script>", "<script>" + text(ECHARTS) + "</script>")
                .replace("<link rel=\"stylesheet\" href=\"app.css\">", "<style>" + text("/dashboard/app.css") + "</style>")
                .replace("<script src=\"app.js\"></script>", embedded + "<script>" + text("/dashboard/app.js") + "</script>");
    }

    private static LocalDate date(Map<String, String> query, String name) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be a date like 2026-03-01");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    query.put(java.net.URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void resource(HttpExchange exchange, String resource, String type) throws IOException {
        send(exchange, 200, type, text(resource).getBytes(StandardCharsets.UTF_8));
    }

    /** Only the names of the loopback address the server is bound to, with its port or without. */
    private boolean boundHost(String host) {
        if (host == null) {
            return false;
        }
        int port = server.getAddress().getPort();
        for (String name : new String[]{"127.0.0.1", "localhost", "[::1]"}) {
            if (host.equalsIgnoreCase(name) || host.equalsIgnoreCase(name + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        // Scripts and styles only from the dashboard itself; ECharts sets inline styles on the elements it draws.
        exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
