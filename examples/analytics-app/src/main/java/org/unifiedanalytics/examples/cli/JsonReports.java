package org.unifiedanalytics.examples.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.ingest.StreamReport;
import org.unifiedanalytics.ingest.StreamStatus;
import org.unifiedanalytics.ingest.SyncReport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The CLI's results as JSON ({@code --json}), for scripts: one object per command, instants as ISO-8601 text. */
final class JsonReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReports() {
    }

    static void print(PrintStream out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> check(String connector, CheckResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connector", connector);
        json.put("status", result.status().name());
        json.put("message", result.message());
        return json;
    }

    static Map<String, Object> sync(SyncReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("connector", report.connector());
        json.put("instance", report.instance());
        json.put("startedAt", report.startedAt().toString());
        json.put("finishedAt", report.finishedAt().toString());
        json.put("succeeded", report.succeeded());
        json.put("recordsWritten", report.recordsWritten());
        json.put("streams", report.streams().stream().map(JsonReports::stream).toList());
        return json;
    }

    private static Map<String, Object> stream(StreamReport s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account", s.account());
        json.put("stream", s.stream());
        json.put("mode", s.mode());
        json.put("outcome", s.outcome().name());
        json.put("recordsRead", s.recordsRead());
        json.put("recordsWritten", s.recordsWritten());
        json.put("recordsRejected", s.recordsRejected());
        json.put("pages", s.pages());
        json.put("apiCalls", s.apiCalls());
        json.put("retries", s.retries());
        json.put("durationMs", s.duration().toMillis());
        json.put("error", s.error().orElse(null));
        json.put("resumesAt", s.resumesAt().map(Object::toString).orElse(null));
        json.put("notes", s.notes());
        return json;
    }

    static List<Map<String, Object>> status(List<StreamStatus> statuses, Map<String, java.util.Optional<java.time.Instant>> nextRuns) {
        return statuses.stream().map(s -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("instance", s.instance());
            json.put("connector", s.connector());
            json.put("account", s.account());
            json.put("stream", s.stream());
            json.put("lastMode", s.lastMode());
            json.put("lastStatus", s.lastStatus());
            json.put("lastStartedAt", s.lastStartedAt().toString());
            json.put("lastFinishedAt", s.lastFinishedAt().map(Object::toString).orElse(null));
            json.put("lastError", s.lastError().orElse(null));
            json.put("lastSuccessAt", s.lastSuccessAt().map(Object::toString).orElse(null));
            json.put("freshnessSeconds", s.freshness().map(java.time.Duration::toSeconds).orElse(null));
            json.put("nextRunAt", nextRuns.getOrDefault(s.instance(), java.util.Optional.empty()).map(Object::toString).orElse(null));
            return json;
        }).toList();
    }
}
