package org.unifiedanalytics.connector.ga4;

import java.util.Optional;

import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.http.ApiResponse;
import org.unifiedanalytics.connect.http.ResponseRule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Data API's {@code runReport} as the connector speaks it: a bearer token on every call (a token GA4
 * refuses is replaced once), {@code returnPropertyQuota} on every request, the quota consulted before each
 * call, and Google's error statuses told apart ({@code RESOURCE_EXHAUSTED} is a spent quota, not a passing 429).
 */
final class Ga4Api {
    private final ApiClient client;
    private final GoogleTokenSource tokens;
    private final QuotaGuard quota;

    Ga4Api(ApiClient.Builder builder, GoogleTokenSource tokens, QuotaGuard quota) {
        this.tokens = tokens;
        this.quota = quota;
        this.client = builder.header("Authorization", () -> "Bearer " + tokens.token().reveal())
                .rule(ResponseRule.forEveryStatus(Ga4Api::googleError)).build();
    }

    /** Runs one report page for the property; {@code body} is the request without {@code returnPropertyQuota}. */
    Ga4Report runReport(String propertyId, ObjectNode body) {
        body.put("returnPropertyQuota", true);
        ApiRequest request = ApiRequest.post("properties/" + propertyId + ":runReport").jsonBody(body.toString()).build();
        // A refusal is followed by a wait for the next hour at most once: a second one ends the run.
        for (int attempt = 1; ; attempt++) {
            quota.beforeRequest(propertyId);
            ApiResponse response;
            try {
                response = send(request);
            } catch (QuotaRefused refused) {
                quota.refused(propertyId, refused, attempt > 1);
                continue;
            }
            Ga4Report report = Ga4Report.read(response.json(), response.requestDescription());
            report.quota().ifPresent(q -> quota.observed(propertyId, q));
            return report;
        }
    }

    /**
     * Runs a report over every page, {@code pageSize} rows at a time by offset, and returns all rows with the
     * metadata of all pages (a flag set on any page is set). The request must order its rows (GA4's pages are
     * not a snapshot, so only an order keeps rows from moving between pages).
     */
    Ga4Report runAll(String propertyId, ObjectNode body, int pageSize) {
        java.util.List<Ga4Report.Row> rows = new java.util.ArrayList<>();
        Ga4Report first = null;
        boolean otherRow = false;
        boolean thresholded = false;
        boolean sampled = false;
        long samplesRead = 0;
        long samplingSpace = 0;
        for (long offset = 0; ; offset += pageSize) {
            ObjectNode page = body.deepCopy();
            page.put("limit", pageSize).put("offset", offset);
            Ga4Report report = runReport(propertyId, page);
            first = first == null ? report : first;
            rows.addAll(report.rows());
            Ga4Report.Metadata m = report.metadata();
            otherRow |= m.dataLossFromOtherRow();
            thresholded |= m.subjectToThresholding();
            sampled |= m.sampled();
            samplesRead += m.samplesReadCount() == null ? 0 : m.samplesReadCount();
            samplingSpace += m.samplingSpaceSize() == null ? 0 : m.samplingSpaceSize();
            if (offset + pageSize >= report.rowCount()) {
                break;
            }
        }
        Ga4Report.Metadata m = first.metadata();
        return new Ga4Report(first.dimensions(), first.metrics(), first.metricTypes(), rows, rows.size(),
                new Ga4Report.Metadata(m.timeZone(), m.currency(), otherRow, thresholded, sampled,
                        sampled ? samplesRead : null, sampled ? samplingSpace : null), first.quota());
    }

    private ApiResponse send(ApiRequest request) {
        try {
            return client.send(request);
        } catch (TokenRefused e) {
            tokens.invalidate();
            try {
                return client.send(request);
            } catch (TokenRefused again) {
                throw new ApiException.Authentication("GA4 refused a fresh access token: " + again.getMessage(),
                        again.request(), 401);
            }
        }
    }

    /**
     * A report over {@code days} by these dimensions and metrics, ordered by {@code orderBy}: an order that names
     * rows uniquely, because GA4's pages are not a snapshot and only a total order keeps rows in place.
     */
    ObjectNode dayReport(org.unifiedanalytics.connect.stream.DateRange days, java.util.List<String> dimensions,
                         java.util.List<String> metrics, java.util.List<String> orderBy) {
        ObjectNode body = newBody();
        body.putArray("dateRanges").addObject().put("startDate", days.from().toString())
                .put("endDate", days.lastDay().toString());
        com.fasterxml.jackson.databind.node.ArrayNode dimensionNodes = body.putArray("dimensions");
        dimensions.forEach(d -> dimensionNodes.addObject().put("name", d));
        com.fasterxml.jackson.databind.node.ArrayNode metricNodes = body.putArray("metrics");
        metrics.forEach(m -> metricNodes.addObject().put("name", m));
        com.fasterxml.jackson.databind.node.ArrayNode order = body.putArray("orderBys");
        orderBy.forEach(d -> order.addObject().putObject("dimension").put("dimensionName", d));
        return body;
    }

    ObjectNode newBody() {
        return client.objectMapper().createObjectNode();
    }

    /** Google's {@code {"error":{"code","message","status"}}}, by status. */
    static Optional<ApiException> googleError(ApiResponse response) {
        if (response.status() >= 200 && response.status() < 300) {
            return Optional.empty();
        }
        JsonNode error = response.json().path("error");
        String status = error.path("status").asText("");
        String message = status + ": " + error.path("message").asText("no message");
        String request = response.requestDescription();
        return switch (status) {
            case "RESOURCE_EXHAUSTED" -> Optional.of(new QuotaRefused(message, request));
            case "UNAUTHENTICATED" -> Optional.of(new TokenRefused(message, request));
            case "PERMISSION_DENIED" -> Optional.of(new ApiException.Authentication(message, request, response.status()));
            case "INVALID_ARGUMENT" -> Optional.of(new InvalidArgument(message, request));
            default -> Optional.empty();
        };
    }

    /** {@code RESOURCE_EXHAUSTED}: a property or project quota is spent. Not retried blindly: the guard decides. */
    static final class QuotaRefused extends ApiException {
        private static final long serialVersionUID = 1L;

        QuotaRefused(String message, String request) {
            super("quota refused: " + message, request, 429, false, null);
        }

        boolean daily() {
            return getMessage().toLowerCase(java.util.Locale.ROOT).contains("per day");
        }
    }

    /** {@code UNAUTHENTICATED}: the access token was refused; a new one is asked for once. */
    static final class TokenRefused extends ApiException {
        private static final long serialVersionUID = 1L;

        TokenRefused(String message, String request) {
            super("token refused: " + message, request, 401, false, null);
        }
    }

    /** {@code INVALID_ARGUMENT}: GA4 refused the request itself (an unknown metric, a bad date). */
    static final class InvalidArgument extends ApiException {
        private static final long serialVersionUID = 1L;

        InvalidArgument(String message, String request) {
            super("request refused: " + message, request, 400, false, null);
        }
    }
}
