package org.unifiedanalytics.connect.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request of an {@link ApiClient} on the wire: paced by its rate limiters, its redirects followed, its whole
 * answer awaited within a deadline, transport failures mapped to retryable errors.
 */
final class HttpExchanges {
    private static final Logger LOG = LoggerFactory.getLogger(HttpExchanges.class);

    private final HttpClient http;
    private final Map<String, Supplier<String>> headers;
    private final Duration requestTimeout;
    private final List<RequestRateLimiter> rateLimiters;
    private final RequestListener listener;

    HttpExchanges(HttpClient http, Map<String, Supplier<String>> headers, Duration requestTimeout, List<RequestRateLimiter> rateLimiters,
                  RequestListener listener) {
        this.http = http;
        this.headers = headers;
        this.requestTimeout = requestTimeout;
        this.rateLimiters = rateLimiters;
        this.listener = listener;
    }

    /** Redirects followed for one request at the most. */
    private static final int MAX_REDIRECTS = 5;
    /**
     * Paces the request through the rate limiters, sends it, and maps transport failures to retryable errors.
     * Redirects are followed here, not by the JDK: one to the same origin keeps the client's headers, one to
     * another host is followed only by a client without headers of its own (a signed storage URL), because the
     * JDK would send an access token to whatever host a 302 names. The whole exchange, body included, is bounded:
     * a server that sends its headers and then stalls is cut off.
     */
    <T> HttpResponse<T> send(ApiRequest request, URI uri, HttpResponse.BodyHandler<T> handler, String description,
                             Duration deadline) {
        for (RequestRateLimiter limiter : rateLimiters) {
            Duration wait = limiter.reserve();
            if (!wait.isZero()) {
                sleep(wait);
                listener.rateLimitWaited(wait);
            }
        }
        String method = request.method();
        boolean withBody = true;
        for (int redirects = 0; ; redirects++) {
            HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(requestTimeout);
            headers.forEach((name, value) -> http.header(name, value.get()));
            request.headers().forEach(http::header);
            if (withBody && request.body().isPresent()) {
                http.header("Content-Type", request.contentType());
                http.method(method, HttpRequest.BodyPublishers.ofString(request.body().get(), StandardCharsets.UTF_8));
            } else {
                http.method(method, HttpRequest.BodyPublishers.noBody());
            }
            if (!request.headers().containsKey("Accept")) {
                http.header("Accept", "application/json");
            }
            HttpResponse<T> response = sendWithin(http.build(), handler, description, deadline);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status < 300 || status > 399 || status == 304 || location.isEmpty()) {
                return response;
            }
            if (redirects >= MAX_REDIRECTS) {
                throw new ApiException.ClientError("more than " + MAX_REDIRECTS + " redirects", description, status);
            }
            URI next = uri.resolve(location.get());
            boolean sameOrigin = Objects.equals(next.getScheme(), uri.getScheme()) && Objects.equals(next.getHost(), uri.getHost())
                    && next.getPort() == uri.getPort();
            if (!sameOrigin && (!headers.isEmpty() || !request.headers().isEmpty())) {
                throw new ApiException.ClientError("refused to follow a redirect to " + next.getScheme() + "://" + next.getHost()
                        + ": this client's credentials are never sent to another host", description, status);
            }
            if (status == 303 || ((status == 301 || status == 302) && method.equals("POST"))) {
                method = "GET";
                withBody = false;
            }
            uri = next;
        }
    }

    /** Sends and waits for the whole answer, body included, at most {@code deadline}. */
    private <T> HttpResponse<T> sendWithin(HttpRequest request, HttpResponse.BodyHandler<T> handler, String description,
                                           Duration deadline) {
        long started = System.nanoTime();
        java.util.concurrent.CompletableFuture<HttpResponse<T>> pending = http.sendAsync(request, handler);
        try {
            HttpResponse<T> response = pending.get(deadline.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            // the description, secrets redacted, never the URL sent: a redirect's may be a signed storage URL
            LOG.debug("{} -> HTTP {} in {} ms", description, response.statusCode(), (System.nanoTime() - started) / 1_000_000);
            return response;
        } catch (java.util.concurrent.TimeoutException e) {
            pending.cancel(true);
            listener.attempted("transport");
            throw new ApiException.Transport("timed out after " + deadline.toMillis() + " ms (the whole answer, body included)",
                    description, e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            listener.attempted("transport");
            if (cause instanceof HttpTimeoutException) {
                throw new ApiException.Transport("timed out after " + requestTimeout.toMillis() + " ms", description, cause);
            }
            throw new ApiException.Transport("no response: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), description, cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException("interrupted while waiting for a response", description, 0, false, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rate limited", e);
        }
    }
}
