package org.unifiedanalytics.spring.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code analytics} health component: {@code UP} while every stream's data is fresh, else {@code DOWN} (or
 * {@code OUT_OF_SERVICE}, with {@code analytics.health.stale-status}), naming the stale streams and their last errors.
 * Stale data is a reason to alert and to stop trusting the numbers, not to restart the application: keep this
 * component out of the liveness group ({@code management.endpoint.health.group.liveness.include=livenessState}).
 */
public final class AnalyticsHealthIndicator implements HealthIndicator {
    private final DataFreshness freshness;
    private final Status staleStatus;

    public AnalyticsHealthIndicator(DataFreshness freshness, Status staleStatus) {
        this.freshness = Objects.requireNonNull(freshness, "freshness");
        this.staleStatus = Objects.requireNonNull(staleStatus, "staleStatus");
    }

    @Override
    public Health health() {
        List<StreamFreshness> streams = freshness.streams();
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> stale = streams.stream().filter(StreamFreshness::stale).map(StreamFreshness::stream).toList();
        for (StreamFreshness stream : streams) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("lastStatus", stream.lastStatus());
            stream.lastSuccessAt().ifPresent(at -> detail.put("lastSuccessAt", at.toString()));
            stream.lag().ifPresent(lag -> detail.put("lag", lag.toString()));
            stream.lastError().ifPresent(error -> detail.put("lastError", error));
            detail.put("stale", stream.stale());
            details.put(stream.stream(), detail);
        }
        Health.Builder health = stale.isEmpty() ? Health.up() : Health.status(staleStatus).withDetail("stale", stale);
        return health.withDetail("streams", details).build();
    }
}
