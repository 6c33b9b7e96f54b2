package org.unifiedanalytics.connector.ga4;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.connect.http.ApiException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code runReport} answer, read: dimension and metric headers, rows of strings (GA4 writes every value as a
 * string, typed by its metric header), the total row count, and the metadata beside the numbers.
 */
record Ga4Report(List<String> dimensions, List<String> metrics, List<String> metricTypes, List<Row> rows, long rowCount,
                 Metadata metadata, Optional<PropertyQuota> quota) {

    /** One row: dimension values and metric values, in header order. */
    record Row(List<String> dimensionValues, List<String> metricValues) {
    }

    /**
     * What GA4 says of the numbers: their zone and currency, and whether rows were rolled into {@code (other)},
     * withheld below thresholds, or sampled.
     */
    record Metadata(ZoneId timeZone, Optional<Currency> currency, boolean dataLossFromOtherRow,
                    boolean subjectToThresholding, boolean sampled, Long samplesReadCount, Long samplingSpaceSize) {
    }

    /** The property's tokens left after the request. */
    record PropertyQuota(long dailyRemaining, long hourlyRemaining) {
    }

    static Ga4Report read(JsonNode body, String request) {
        List<String> dimensions = new ArrayList<>();
        body.path("dimensionHeaders").forEach(h -> dimensions.add(h.path("name").asText()));
        List<String> metrics = new ArrayList<>();
        List<String> types = new ArrayList<>();
        body.path("metricHeaders").forEach(h -> {
            metrics.add(h.path("name").asText());
            types.add(h.path("type").asText("TYPE_FLOAT"));
        });
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : body.path("rows")) {
            List<String> dims = new ArrayList<>();
            row.path("dimensionValues").forEach(v -> dims.add(v.path("value").asText()));
            List<String> values = new ArrayList<>();
            row.path("metricValues").forEach(v -> values.add(v.path("value").asText()));
            if (dims.size() != dimensions.size() || values.size() != metrics.size()) {
                throw new ApiException.MalformedResponse("a GA4 row has " + dims.size() + " dimension and " + values.size()
                        + " metric values for " + dimensions.size() + " and " + metrics.size() + " headers", request, 200, null);
            }
            rows.add(new Row(dims, values));
        }
        JsonNode meta = body.path("metadata");
        String zone = meta.path("timeZone").asText("");
        if (zone.isEmpty()) {
            throw new ApiException.MalformedResponse("GA4's answer has no metadata.timeZone", request, 200, null);
        }
        long samplesRead = 0;
        long samplingSpace = 0;
        for (JsonNode sampling : meta.path("samplingMetadatas")) {
            samplesRead += sampling.path("samplesReadCount").asLong();
            samplingSpace += sampling.path("samplingSpaceSize").asLong();
        }
        boolean sampled = meta.path("samplingMetadatas").size() > 0;
        Metadata metadata = new Metadata(ZoneId.of(zone),
                Optional.of(meta.path("currencyCode").asText("")).filter(c -> !c.isEmpty()).map(Currency::getInstance),
                meta.path("dataLossFromOtherRow").asBoolean(false), meta.path("subjectToThresholding").asBoolean(false),
                sampled, sampled ? samplesRead : null, sampled ? samplingSpace : null);
        JsonNode quota = body.path("propertyQuota");
        Optional<PropertyQuota> remaining = quota.isObject()
                ? Optional.of(new PropertyQuota(quota.path("tokensPerDay").path("remaining").asLong(Long.MAX_VALUE),
                quota.path("tokensPerHour").path("remaining").asLong(Long.MAX_VALUE)))
                : Optional.empty();
        // rowCount and rows are absent, not zero, when there is no data.
        return new Ga4Report(dimensions, metrics, types, rows, body.path("rowCount").asLong(0), metadata, remaining);
    }

    int dimension(String name) {
        return dimensions.indexOf(name);
    }

    /** A metric of a row as a number, in the unit its type says (seconds for durations); null when absent. */
    BigDecimal metric(Row row, String name) {
        int index = metrics.indexOf(name);
        if (index < 0) {
            return null;
        }
        String text = row.metricValues().get(index);
        if (text == null || text.isEmpty()) {
            return null;
        }
        BigDecimal value = new BigDecimal(text);
        return switch (metricTypes.get(index)) {
            case "TYPE_MILLISECONDS" -> value.movePointLeft(3);
            case "TYPE_MINUTES" -> value.multiply(BigDecimal.valueOf(60));
            case "TYPE_HOURS" -> value.multiply(BigDecimal.valueOf(3600));
            default -> value;
        };
    }

    Long count(Row row, String name) {
        BigDecimal value = metric(row, name);
        return value == null ? null : value.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }
}
