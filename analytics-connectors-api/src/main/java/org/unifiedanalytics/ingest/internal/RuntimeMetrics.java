package org.unifiedanalytics.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.unifiedanalytics.connect.http.RequestListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The meters every connector gets without code. Tags are the connector instance, the stream and the
 * outcome: never a URL, an account token or any other value that could hold a secret.
 */
public final class RuntimeMetrics {
    public static final String RECORDS_WRITTEN = "analytics.sync.records.written";
    public static final String HTTP_REQUESTS = "analytics.http.requests";
    public static final String HTTP_RETRIES = "analytics.http.retries";
    public static final String RATE_LIMIT_WAITS = "analytics.http.rate_limit.waits";
    public static final String SYNC_DURATION = "analytics.sync.duration";
    public static final String FRESHNESS = "analytics.data.freshness";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public RuntimeMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void recordsWritten(String instance, String stream, long count) {
        Counter.builder(RECORDS_WRITTEN).tag("connector", instance).tag("stream", stream)
                .description("records upserted into the warehouse").register(registry).increment(count);
    }

    public void streamFinished(String instance, String stream, String outcome, Duration duration) {
        Timer.builder(SYNC_DURATION).tag("connector", instance).tag("stream", stream).tag("outcome", outcome)
                .description("time to sync one stream of one account").register(registry).record(duration);
    }

    /** Marks a stream's data fresh now; the freshness gauge reports seconds since its last success. */
    public void succeeded(String instance, String stream, Instant at) {
        String key = instance + "\u0000" + stream;
        AtomicLong holder = lastSuccess.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong(at.toEpochMilli());
            Gauge.builder(FRESHNESS, value, v -> (clock.millis() - v.get()) / 1000.0)
                    .tag("connector", instance).tag("stream", stream).baseUnit("seconds")
                    .description("seconds since the stream last synced successfully").register(registry);
            return value;
        });
        holder.set(at.toEpochMilli());
    }

    /** A request listener that counts into these meters and into per-stream statistics. */
    public RequestListener requestListener(String instance, RequestStats stats) {
        Counter retries = Counter.builder(HTTP_RETRIES).tag("connector", instance).register(registry);
        Timer waits = Timer.builder(RATE_LIMIT_WAITS).tag("connector", instance)
                .description("time requests waited for the client-side rate limiter").register(registry);
        return new RequestListener() {
            @Override
            public void attempted(String outcome) {
                Counter.builder(HTTP_REQUESTS).tag("connector", instance).tag("outcome", outcome).register(registry)
                        .increment();
                stats.calls.incrementAndGet();
            }

            @Override
            public void retrying(Duration wait) {
                retries.increment();
                stats.retries.incrementAndGet();
            }

            @Override
            public void rateLimitWaited(Duration wait) {
                waits.record(wait.toNanos(), TimeUnit.NANOSECONDS);
            }
        };
    }

    /** HTTP attempts and retries, counted for the stream now running. */
    public static final class RequestStats {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong retries = new AtomicLong();

        long calls() {
            return calls.get();
        }

        long retries() {
            return retries.get();
        }
    }
}
