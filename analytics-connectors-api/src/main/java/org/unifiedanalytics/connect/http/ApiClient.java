package org.unifiedanalytics.connect.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * The HTTP client connectors use: the JDK's {@link HttpClient} with JSON (Jackson), timeouts, retries
 * with exponential backoff and jitter that honour {@code Retry-After} (Resilience4j Retry), a client-side
 * rate limit that spaces requests evenly ({@link RequestRateLimiter}, shareable between clients of one app), and errors that say what
 * happened. Secrets in query parameters are redacted in every message; headers never appear in one.
 *
 * <pre>{@code
 * ApiClient api = context.http()
 *         .baseUrl(config.url("base_url"))
 *         .header("Access-Token", () -> tokens.current().reveal())
 *         .build();
 * JsonNode page = api.getJson("/v1.3/business/get/", Map.of("business_id", account));
 * }</pre>
 *
 * <p>Thread-safe once built.
 */
public final class ApiClient {

    /** Query parameters whose values never appear in a message. */
    public static final Set<String> SECRET_PARAMETERS = Set.of("access_token", "token", "api_key", "apikey", "key",
            "sign", "signature", "client_secret", "secret", "password", "refresh_token", "code", "app_secret");

    private final URI baseUrl;
    private final Duration requestTimeout;
    private final Retry retry;
    private final List<ResponseRule> rules;
    private final RequestListener listener;
    private final JsonSupport json = new JsonSupport();
    private final Set<String> secretParameters;
    private final HttpExchanges exchanges;
    private final Duration maxDelay;

    private ApiClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.requestTimeout = b.requestTimeout;
        this.rules = List.copyOf(b.rules);
        this.listener = b.listener;
        this.secretParameters = Set.copyOf(b.secretParameters);
        // Redirects are followed by the exchanges, which know whose credentials may go where.
        HttpClient http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.exchanges = new HttpExchanges(http, Map.copyOf(b.headers), requestTimeout, List.copyOf(b.rateLimiters), listener);
        Duration initial = b.initialDelay;
        Duration max = b.maxDelay;
        RequestListener events = b.listener;
        this.maxDelay = max;
        this.retry = Retry.of("api", RetryConfig.<ApiResponse>custom()
                .maxAttempts(b.maxRetries + 1)
                // a wait longer than the longest the client may wait is not retried early: send() says when to resume
                .retryOnException(e -> e instanceof ApiException api && api.retryable() && !asksTooLong(api))
                .intervalBiFunction((Integer attempt, Either<Throwable, ApiResponse> outcome) -> {
                    Duration wait = backoff(attempt, initial, max);
                    if (outcome.isLeft() && outcome.getLeft() instanceof ApiException api && api.retryAfter().isPresent()) {
                        wait = api.retryAfter().get();
                    }
                    events.retrying(wait);
                    return wait.toMillis();
                })
                .build());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Jackson's mapper as the toolkit configures it (exact decimals), for connectors that bind to types. */
    public ObjectMapper objectMapper() {
        return json.mapper();
    }

    /** Sends a request, retrying what can be retried; a response that passed every check, or the last failure. */
    public ApiResponse send(ApiRequest request) {
        Objects.requireNonNull(request, "request");
        try {
            return Retry.decorateCheckedSupplier(retry, () -> attempt(request)).get();
        } catch (ApiException e) {
            throw asksTooLong(e) ? quotaExhausted(e) : e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ApiException("request failed: " + e, describe(request), 0, false, e);
        }
    }

    /**
     * A server that asks to wait longer than the client's longest retry delay: retrying sooner is refused again
     * (a storm of 429s), and waiting that long would hold the sync; the stream stops, its pages kept, and resumes then.
     */
    private boolean asksTooLong(ApiException e) {
        return e.retryAfter().filter(asked -> asked.compareTo(maxDelay) > 0).isPresent();
    }

    private static org.unifiedanalytics.connect.QuotaExhaustedException quotaExhausted(ApiException e) {
        Duration asked = e.retryAfter().orElseThrow();
        org.unifiedanalytics.connect.QuotaExhaustedException quota = new org.unifiedanalytics.connect.QuotaExhaustedException(
                e.getMessage() + "; the server asked to wait " + asked.toSeconds() + " s, longer than retry_max_delay",
                java.time.Instant.now().plus(asked));
        quota.initCause(e);
        return quota;
    }

    /**
     * Streams a response body into a file, with the retries of {@link #send}: for exports too large to hold in
     * memory (a bulk result). The response rules do not run, as the body is not a JSON envelope; a failure
     * status is reported with an excerpt of what came back.
     */
    public void download(ApiRequest request, Path target) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(target, "target");
        try {
            Retry.decorateCheckedSupplier(retry, () -> attemptDownload(request, target)).get();
        } catch (ApiException e) {
            throw asksTooLong(e) ? quotaExhausted(e) : e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ApiException("download failed: " + e, describe(request), 0, false, e);
        }
    }

    private ApiResponse attemptDownload(ApiRequest request, Path target) {
        String description = describe(request);
        // a retry starts the file afresh: no bytes of a broken attempt remain
        HttpResponse<Path> raw = exchange(request, HttpResponse.BodyHandlers.ofFile(target, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), description, DOWNLOAD_DEADLINE);
        String excerpt = "";
        if (raw.statusCode() < 200 || raw.statusCode() >= 300) {
            try (var in = Files.newInputStream(target)) {
                excerpt = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            } catch (IOException e) {
                excerpt = "";
            }
        }
        ApiResponse response = new ApiResponse(raw.statusCode(), raw.headers(), excerpt, description, json);
        try {
            StatusErrors.check(response);
        } catch (ApiException e) {
            listener.attempted(StatusErrors.outcome(e));
            throw e;
        }
        listener.attempted("success");
        return response;
    }

    public JsonNode getJson(String path, Map<String, ?> query) {
        return send(ApiRequest.get(path).query(query).build()).json();
    }

    /** POSTs a body (a JSON string, or an object Jackson writes) and parses the JSON answer. */
    public JsonNode postJson(String path, Map<String, ?> query, Object body) {
        String text = body instanceof String s ? s : json.write(body);
        return send(ApiRequest.post(path).query(query).jsonBody(text).build()).json();
    }

    /** The URL a request goes to, as sent (query parameters encoded in their order). */
    public URI uriOf(ApiRequest request) {
        URI base = request.path().startsWith("http://") || request.path().startsWith("https://")
                ? URI.create(request.path()) : resolve(request.path());
        if (request.query().isEmpty()) {
            return base;
        }
        String query = request.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String text = base.toString();
        return URI.create(text + (text.contains("?") ? "&" : "?") + query);
    }

    private URI resolve(String path) {
        if (baseUrl == null) {
            throw new IllegalStateException("no base URL set for relative path " + path);
        }
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") && path.startsWith("/") ? base + path.substring(1)
                : !base.endsWith("/") && !path.startsWith("/") ? base + "/" + path : base + path);
    }

    private ApiResponse attempt(ApiRequest request) {
        String description = describe(request);
        HttpResponse<String> raw = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), description);
        ApiResponse response = new ApiResponse(raw.statusCode(), raw.headers(), raw.body(), description, json);
        try {
            boolean success = response.status() >= 200 && response.status() < 300;
            if (success) {
                boolean expectsJson = request.headers().getOrDefault("Accept", "application/json").contains("json");
                if (expectsJson) {
                    // Parsed inside the attempt, so a truncated or malformed body is retried like any transient failure.
                    response.json();
                }
            }
            // The connector's rules read error envelopes; on a refusal they may say more than the status (a bad signature).
            for (ResponseRule rule : rules) {
                if (rule.appliesTo(response.status())) {
                    Optional<ApiException> failure;
                    try {
                        failure = rule.inspect(response);
                    } catch (ApiException.MalformedResponse notJson) {
                        if (success) {
                            throw notJson;
                        }
                        failure = Optional.empty();
                    }
                    if (failure.isPresent()) {
                        throw failure.get();
                    }
                }
            }
            StatusErrors.check(response);
        } catch (ApiException e) {
            listener.attempted(StatusErrors.outcome(e));
            throw e;
        }
        listener.attempted("success");
        return response;
    }

    /** How long a download (a bulk export's file) may take, body included. */
    private static final Duration DOWNLOAD_DEADLINE = Duration.ofMinutes(30);

    private <T> HttpResponse<T> exchange(ApiRequest request, HttpResponse.BodyHandler<T> handler, String description) {
        return exchange(request, handler, description, requestTimeout);
    }

    private <T> HttpResponse<T> exchange(ApiRequest request, HttpResponse.BodyHandler<T> handler, String description,
                                         Duration deadline) {
        return exchanges.send(request, uriOf(request), handler, description, deadline);
    }

    /** The request as messages show it: method and URL, secret query values redacted. */
    public String describe(ApiRequest request) {
        URI uri;
        try {
            uri = uriOf(request);
        } catch (RuntimeException e) {
            return request.method() + " " + request.path();
        }
        String query = uri.getRawQuery();
        String base = uri.toString();
        if (query != null) {
            base = base.substring(0, base.indexOf('?'));
            List<String> parts = new ArrayList<>();
            for (String part : query.split("&")) {
                int eq = part.indexOf('=');
                String name = eq < 0 ? part : part.substring(0, eq);
                parts.add(secretParameters.contains(name.toLowerCase(Locale.ROOT)) ? name + "=******" : part);
            }
            base = base + "?" + String.join("&", parts);
        }
        return request.method() + " " + base;
    }

    private static Duration backoff(int attempt, Duration initial, Duration max) {
        double exponential = initial.toMillis() * Math.pow(2, Math.max(0, attempt - 1));
        // "Full jitter" keeps a crowd of retrying clients from hitting the API in step.
        double jittered = exponential / 2 + ThreadLocalRandom.current().nextDouble(exponential / 2 + 1);
        return Duration.ofMillis((long) Math.min(jittered, max.toMillis()));
    }


    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A rate limiter to share between the clients of one app or connector instance: {@code requests} per
     * {@code period}, spread evenly (see {@link RequestRateLimiter}).
     */
    public static RequestRateLimiter rateLimiter(String name, int requests, Duration period) {
        return new RequestRateLimiter(name, requests, period);
    }

    /** Builds a client. Not thread-safe. */
    public static final class Builder {
        private URI baseUrl;
        private final Map<String, Supplier<String>> headers = new LinkedHashMap<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxRetries = 5;
        private Duration initialDelay = Duration.ofMillis(500);
        private Duration maxDelay = Duration.ofSeconds(60);
        private final List<RequestRateLimiter> rateLimiters = new ArrayList<>();
        private final List<ResponseRule> rules = new ArrayList<>();
        private RequestListener listener = RequestListener.NONE;
        private final java.util.Set<String> secretParameters = new java.util.HashSet<>(SECRET_PARAMETERS);

        private Builder() {
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(baseUrl));
        }

        /** A header on every request, read for each request (so a refreshed token is used at once). */
        public Builder header(String name, Supplier<String> value) {
            headers.put(name, value);
            return this;
        }

        public Builder header(String name, String value) {
            return header(name, () -> value);
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** Retries after the first attempt, with backoff from {@code initialDelay} doubling up to {@code maxDelay}. */
        public Builder retries(int maxRetries, Duration initialDelay, Duration maxDelay) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
            }
            this.maxRetries = maxRetries;
            this.initialDelay = initialDelay;
            this.maxDelay = maxDelay;
            return this;
        }

        /** A rate limit every request passes; several may apply (per second and per minute, one shared per app). */
        public Builder rateLimiter(RequestRateLimiter limiter) {
            rateLimiters.add(limiter);
            return this;
        }

        /** Replaces the rate limiters set so far (the context's defaults) with this one. */
        public Builder onlyRateLimiter(RequestRateLimiter limiter) {
            rateLimiters.clear();
            rateLimiters.add(limiter);
            return this;
        }

        /** An error rule for responses with a success status (HTTP-200 error envelopes). */
        public Builder rule(ResponseRule rule) {
            rules.add(rule);
            return this;
        }

        public Builder listener(RequestListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** More query parameter names whose values are redacted in messages. */
        public Builder secretParameters(String... names) {
            for (String name : names) {
                secretParameters.add(name.toLowerCase(Locale.ROOT));
            }
            return this;
        }

        public ApiClient build() {
            return new ApiClient(this);
        }
    }
}
