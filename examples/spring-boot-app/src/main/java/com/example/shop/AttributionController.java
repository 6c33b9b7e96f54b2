package com.example.shop;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unifiedanalytics.ingest.SyncAlreadyRunningException;
import org.unifiedanalytics.ingest.SyncReport;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;
import org.unifiedanalytics.spring.boot.AnalyticsConnectors;

/** The shop's own endpoints over the auto-configured beans: attributed revenue by channel, and a sync on demand. */
@RestController
class AttributionController {
    private final AttributionQueries attribution;
    private final AnalyticsConnectors connectors;

    AttributionController(AttributionQueries attribution, AnalyticsConnectors connectors) {
        this.attribution = attribution;
        this.connectors = connectors;
    }

    /** {@code GET /attribution?model=linear&from=2026-11-01&to=2026-12-01}: revenue by channel, days in the shop's zone. */
    @GetMapping("/attribution")
    List<AttributedRevenue> attribution(@RequestParam(defaultValue = "linear") String model,
                                        @RequestParam LocalDate from, @RequestParam LocalDate to) {
        return attribution.revenue(AttributionModel.valueOf(model.toUpperCase(Locale.ROOT)), GroupBy.CHANNEL,
                Period.days(from, to, ZoneId.of("Europe/Berlin")));
    }

    /** {@code POST /sync?connector=shopify}: an incremental sync now, besides the scheduler's daily one. */
    @PostMapping("/sync")
    String sync(@RequestParam String connector) {
        SyncReport report = connectors.sync(connector);
        return report.toString();
    }

    /** The scheduler (on this replica or another) is syncing that connector right now: try again later. */
    @ExceptionHandler(SyncAlreadyRunningException.class)
    ResponseEntity<String> alreadyRunning(SyncAlreadyRunningException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(e.getMessage());
    }
}
