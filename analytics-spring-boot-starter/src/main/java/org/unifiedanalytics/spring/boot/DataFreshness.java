package org.unifiedanalytics.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.unifiedanalytics.ingest.Ingestion;

/**
 * How fresh every stream the warehouse has run is: what the {@code analytics} health indicator reports. With the
 * scheduler on, a stream is stale when it missed two of its scheduled refreshes; without it, when its last success is
 * older than {@code analytics.health.max-staleness}. An application may define its own bean of this type.
 */
@FunctionalInterface
public interface DataFreshness {

    /** The run log's status of a run still going (see {@link org.unifiedanalytics.ingest.StreamStatus#lastStatus()}). */
    String RUNNING = "RUNNING";

    /** Every stream that has run at least once. */
    List<StreamFreshness> streams();

    /**
     * From the run log: a stream is stale when its last success is older than {@code maxStaleness}, or when it has
     * finished runs and none succeeded. A first run still going is not stale.
     */
    static DataFreshness fromRunLog(Ingestion ingestion, Duration maxStaleness) {
        Objects.requireNonNull(ingestion, "ingestion");
        Objects.requireNonNull(maxStaleness, "maxStaleness");
        return () -> ingestion.status().stream().map(s -> new StreamFreshness(s.instance() + "/" + s.account() + "/" + s.stream(),
                s.lastStatus(), s.lastSuccessAt(), s.freshness(), s.lastError(),
                s.freshness().map(f -> f.compareTo(maxStaleness) > 0)
                        .orElse(!s.lastStatus().equals(RUNNING)))).toList();
    }
}
