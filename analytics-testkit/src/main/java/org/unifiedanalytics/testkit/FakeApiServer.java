package org.unifiedanalytics.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake API on loopback, for tests and demos: routes that answer JSON, a record of every request,
 * request checks (a missing auth header gets the 401 the real API would send), fault injection, and a
 * server-side rate limit.
 *
 * <pre>{@code
 * try (FakeApiServer api = FakeApiServer.start()) {
 *     api.route("GET", "/v1/orders", request -> FakeResponse.ok("{\"orders\":[]}"));
 *     api.require(r -> r.header("Authorization").equals(Optional.of("Bearer key")),
 *             FakeResponse.json(401, "{\"message\":\"invalid API key\"}"));
 *     api.inject(Fault.tooManyRequests(1), Fault.serverError(503));   // the next two requests fail
 *     ... run the connector against api.baseUrl() ...
 *     assertThat(api.requests()).hasSize(3);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Routes match the method and the exact path; an unmatched request gets a 404 whose body
 * names it.
 */
public final class FakeApiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Function<RecordedRequest, FakeResponse>> routes = new LinkedHashMap<>();
    private Function<RecordedRequest, FakeResponse> unmatched;
    private final List<Check> checks = new ArrayList<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final AtomicInteger failAfter = new AtomicInteger(-1);
    private volatile Fault failAfterFault;
    private volatile int maxRequestsPerSecond;
    private volatile Duration everyResponseDelay = Duration.ZERO;
    /** When the requests of the last second arrived, oldest first: the limit holds over every one-second window. */
    private final java.util.ArrayDeque<Long> lastSecond = new java.util.ArrayDeque<>();
    private int rateLimited;

    private record Check(Predicate<RecordedRequest> condition, FakeResponse otherwise) {
    }

    private FakeApiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** A server on an ephemeral loopback port. */
    public static FakeApiServer start() {
        return start(0);
    }

    /** A server on a given loopback port (0: any free one). */
    public static FakeApiServer start(int port) {
        // Small answers would otherwise wait ~40 ms for delayed ACKs (Nagle): tests and demos make thousands of calls.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "fake-api");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            FakeApiServer fake = new FakeApiServer(server, executor);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a fake API server on loopback: " + e.getMessage(), e);
        }
    }

    /** The server's address, e.g. {@code http://127.0.0.1:54321}. */
    public URI baseUrl() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /** Answers {@code method path} with the handler; a later route for the same method and path replaces it. */
    public synchronized FakeApiServer route(String method, String path, Function<RecordedRequest, FakeResponse> handler) {
        routes.put(method.toUpperCase(Locale.ROOT) + " " + path, handler);
        return this;
    }

    /**
     * Answers requests no route matches (paths with ids in them, {@code /properties/123:runReport}); without it
     * they get a 404 that names them.
     */
    public synchronized FakeApiServer otherwise(Function<RecordedRequest, FakeResponse> handler) {
        this.unmatched = handler;
        return this;
    }

    /** Every request must satisfy the condition, or gets {@code otherwise} (as a real API checks its auth header). */
    public synchronized FakeApiServer require(Predicate<RecordedRequest> condition, FakeResponse otherwise) {
        checks.add(new Check(condition, otherwise));
        return this;
    }

    /** The next requests, one fault each, in order. */
    public synchronized FakeApiServer inject(Fault... next) {
        faults.addAll(List.of(next));
        return this;
    }

    /** After {@code requests} more successful requests, every request fails with the fault, until {@link #heal()}. */
    public synchronized FakeApiServer failAfter(int requests, Fault fault) {
        failAfterFault = fault;
        failAfter.set(requests);
        return this;
    }

    /**
     * From now on, each request fails with probability {@code rate}, with one of {@code kinds} picked at random; the
     * same seed picks the same sequence for the same requests. {@link #heal()} stops it.
     */
    public synchronized FakeApiServer injectAtRandom(double rate, long seed, List<Fault> kinds) {
        if (rate < 0 || rate > 1 || kinds.isEmpty()) {
            throw new IllegalArgumentException("rate must be in [0, 1] and kinds not empty; got " + rate + " and " + kinds);
        }
        randomFaults = new RandomFaults(rate, new java.util.Random(seed), List.copyOf(kinds));
        return this;
    }

    private record RandomFaults(double rate, java.util.Random random, List<Fault> kinds) {
        Fault next() {
            return random.nextDouble() < rate ? kinds.get(random.nextInt(kinds.size())) : null;
        }
    }

    private RandomFaults randomFaults;
    private int faultsInjected;

    /** How many requests were answered with an injected fault (queued, random or fail-after) so far. */
    public synchronized int faultsInjected() {
        return faultsInjected;
    }

    /** Clears injected faults, random faults and the fail-after switch. */
    public synchronized FakeApiServer heal() {
        randomFaults = null;
        faults.clear();
        failAfter.set(-1);
        failAfterFault = null;
        return this;
    }

    /**
     * Answers 429 with {@code Retry-After: 1} to a request that would make more than this many in any one-second
     * window (a sliding window, as strict as the strictest real API: no burst at a window's edge gets through); 0
     * turns it off.
     */
    public FakeApiServer rateLimit(int requestsPerSecond) {
        this.maxRequestsPerSecond = requestsPerSecond;
        return this;
    }

    /** Makes every answer wait this long, as a slow real API would (for demos and kill tests). */
    public FakeApiServer delayEveryResponse(Duration delay) {
        this.everyResponseDelay = delay;
        return this;
    }

    /** Every request received so far, in order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            URI uri = exchange.getRequestURI();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    RecordedRequest.parseQuery(uri.getRawQuery()), headers, body);
            Fault fault;
            Function<RecordedRequest, FakeResponse> handler;
            FakeResponse refused = null;
            synchronized (this) {
                requests.add(request);
                // a queued fault waits for a request it applies to
                fault = faults.peek() != null && faults.peek().appliesTo(request.path()) ? faults.poll() : null;
                if (fault == null && failAfterFault != null && failAfter.getAndDecrement() <= 0) {
                    fault = failAfterFault;
                }
                if (fault == null && randomFaults != null) {
                    fault = randomFaults.next();
                }
                if (fault != null && !fault.appliesTo(request.path())) {
                    fault = null;
                }
                if (fault != null) {
                    faultsInjected++;
                }
                if (fault == null && overRateLimit()) {
                    fault = Fault.tooManyRequests(1);
                }
                for (Check check : checks) {
                    if (!check.condition().test(request)) {
                        refused = check.otherwise();
                        break;
                    }
                }
                handler = routes.getOrDefault(request.method() + " " + request.path(), unmatched);
            }
            if (!everyResponseDelay.isZero()) {
                sleep(everyResponseDelay);
            }
            if (fault instanceof Fault.Latency latency) {
                sleep(latency.delay());
                fault = null;
            }
            if (fault instanceof Fault.Reset) {
                return; // closing the exchange without an answer drops the connection
            }
            if (fault instanceof Fault.Status status) {
                FakeResponse error = FakeResponse.json(status.status(), "{\"message\":\"injected fault: HTTP " + status.status() + "\"}");
                if (status.retryAfterSeconds() >= 0) {
                    error = error.withHeader("Retry-After", String.valueOf(status.retryAfterSeconds()));
                }
                send(exchange, error, false);
                return;
            }
            if (fault instanceof Fault.Answer answer) {
                send(exchange, answer.response(), false);
                return;
            }
            if (fault instanceof Fault.Malformed) {
                send(exchange, new FakeResponse(200, Map.of("Content-Type", "text/html"),
                        "<html><body><h1>502 Bad Gateway</h1></body></html>"), false);
                return;
            }
            FakeResponse response;
            if (refused != null) {
                response = refused;
            } else if (handler == null) {
                response = FakeResponse.json(404, "{\"message\":\"no fake route for " + request.method() + " " + request.path() + "\"}");
            } else {
                try {
                    response = handler.apply(request);
                } catch (RuntimeException e) {
                    response = FakeResponse.json(500, "{\"message\":\"the fake's handler failed: " + e.getClass().getSimpleName() + "\"}");
                }
            }
            if (fault instanceof Fault.Stalled stalled) {
                stall(exchange, response, stalled.stall());
                return;
            }
            if (fault instanceof Fault.SlowDrip drip) {
                drip(exchange, response, drip.total());
                return;
            }
            if (fault instanceof Fault.InvalidJson && response.body() != null && !response.body().isEmpty()) {
                // the first character replaced by "<", which no JSON value starts with: the length stays whole
                response = new FakeResponse(response.status(), response.headers(), "<" + response.body().substring(1));
            }
            send(exchange, response, fault instanceof Fault.Truncated);
        }
    }

    private static void stall(HttpExchange exchange, FakeResponse response, Duration stall) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length);
        OutputStream out = exchange.getResponseBody();
        out.write(bytes, 0, bytes.length / 2);
        out.flush();
        sleep(stall);
    }

    private static void drip(HttpExchange exchange, FakeResponse response, Duration total) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        OutputStream out = exchange.getResponseBody();
        int pieces = 8;
        for (int i = 0; i < pieces; i++) {
            int from = bytes.length * i / pieces;
            out.write(bytes, from, bytes.length * (i + 1) / pieces - from);
            out.flush();
            sleep(total.dividedBy(pieces));
        }
        out.close();
    }

    private boolean overRateLimit() {
        if (maxRequestsPerSecond <= 0) {
            return false;
        }
        long now = System.nanoTime();
        while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
            lastSecond.pollFirst();
        }
        if (lastSecond.size() >= maxRequestsPerSecond) {
            rateLimited++;
            return true;
        }
        lastSecond.addLast(now);
        return false;
    }

    /** How many requests the rate limit of {@link #rateLimit(int)} refused. */
    public synchronized int rateLimited() {
        return rateLimited;
    }

    private static void send(HttpExchange exchange, FakeResponse response, boolean truncate) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
        if (truncate) {
            bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
