package org.unifiedanalytics.testkit.fakes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unifiedanalytics.testkit.FakeResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One {@code runReport} of a fake property: validates the request as GA4 does, aggregates, pages, charges tokens. */
final class Ga4ReportEngine {
    private static final int MAX_DIMENSIONS = 9;
    private static final int MAX_METRICS = 10;
    private static final int MAX_DATE_RANGES = 4;
    private static final long MAX_LIMIT = 250_000;
    private static final long DEFAULT_LIMIT = 10_000;
    private static final Pattern DAYS_AGO = Pattern.compile("(\\d+)daysAgo");
    private static final DateTimeFormatter GA4_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    static final Set<String> DIMENSIONS = Set.of("date", "dateRange", "sessionSource", "sessionMedium", "sessionSourceMedium",
            "sessionCampaignName", "sessionCampaignId", "sessionManualAdContent", "sessionManualTerm",
            "sessionDefaultChannelGroup", "firstUserSource", "firstUserMedium", "firstUserCampaignName", "landingPage",
            "landingPagePlusQueryString", "pagePath", "hostName", "transactionId", "dateHourMinute");
    private static final Map<String, String> METRIC_TYPES = Map.ofEntries(
            Map.entry("sessions", "TYPE_INTEGER"), Map.entry("engagedSessions", "TYPE_INTEGER"),
            Map.entry("totalUsers", "TYPE_INTEGER"), Map.entry("newUsers", "TYPE_INTEGER"),
            Map.entry("activeUsers", "TYPE_INTEGER"), Map.entry("screenPageViews", "TYPE_INTEGER"),
            Map.entry("bounceRate", "TYPE_FLOAT"), Map.entry("engagementRate", "TYPE_FLOAT"),
            Map.entry("averageSessionDuration", "TYPE_SECONDS"), Map.entry("addToCarts", "TYPE_INTEGER"),
            Map.entry("checkouts", "TYPE_INTEGER"), Map.entry("ecommercePurchases", "TYPE_INTEGER"),
            Map.entry("transactions", "TYPE_INTEGER"), Map.entry("purchaseRevenue", "TYPE_CURRENCY"),
            Map.entry("totalRevenue", "TYPE_CURRENCY"), Map.entry("keyEvents", "TYPE_FLOAT"),
            Map.entry("conversions", "TYPE_FLOAT"));
    private static final Set<String> USER_METRICS = Set.of("totalUsers", "newUsers", "activeUsers");

    private record DateRangeSpec(String name, LocalDate start, LocalDate end) {
    }

    private final FakeGa4Property property;
    private final Clock clock;

    Ga4ReportEngine(FakeGa4Property property, Clock clock) {
        this.property = property;
        this.clock = clock;
    }

    FakeResponse run(JsonNode body) {
        List<String> dimensions = names(body.path("dimensions"));
        List<String> metrics = names(body.path("metrics"));
        for (String dimension : dimensions) {
            if (!DIMENSIONS.contains(dimension)) {
                return invalid("Field " + dimension + " is not a valid dimension. For a list of valid dimensions and "
                        + "metrics, see https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema");
            }
        }
        for (String metric : metrics) {
            boolean known = METRIC_TYPES.containsKey(metric)
                    && !(metric.equals("keyEvents") && property.legacyConversions)
                    && !(metric.equals("conversions") && !property.legacyConversions);
            if (!known) {
                return invalid("Field " + metric + " is not a valid metric. For a list of valid dimensions and metrics, "
                        + "see https://developers.google.com/analytics/devguides/reporting/data/v1/api-schema");
            }
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            return invalid("Requests are limited to " + MAX_DIMENSIONS + " dimensions; this request has " + dimensions.size());
        }
        if (metrics.size() > MAX_METRICS) {
            return invalid("Requests are limited to " + MAX_METRICS + " metrics; this request has " + metrics.size());
        }
        if (metrics.isEmpty() && dimensions.isEmpty()) {
            return invalid("A request must have at least one dimension or metric.");
        }
        List<DateRangeSpec> ranges = new ArrayList<>();
        JsonNode rangeNodes = body.path("dateRanges");
        if (!rangeNodes.isArray() || rangeNodes.isEmpty() || rangeNodes.size() > MAX_DATE_RANGES) {
            return invalid("Requests must have between 1 and " + MAX_DATE_RANGES + " dateRanges.");
        }
        for (int i = 0; i < rangeNodes.size(); i++) {
            JsonNode range = rangeNodes.get(i);
            LocalDate start;
            LocalDate end;
            try {
                start = date(range.path("startDate").asText(""));
                end = date(range.path("endDate").asText(""));
            } catch (DateTimeParseException e) {
                return invalid("Invalid dateRange: dates are YYYY-MM-DD, today, yesterday or NdaysAgo; got "
                        + range.path("startDate").asText("") + " to " + range.path("endDate").asText(""));
            }
            if (end.isBefore(start)) {
                return invalid("Invalid dateRange: endDate " + end + " is before startDate " + start);
            }
            ranges.add(new DateRangeSpec(range.path("name").asText("date_range_" + i), start, end));
        }
        long limit = body.has("limit") ? body.path("limit").asLong() : DEFAULT_LIMIT;
        long offset = body.path("offset").asLong(0);
        if (limit <= 0) {
            return invalid("limit must be positive, got " + limit);
        }
        if (offset < 0) {
            return invalid("offset must not be negative, got " + offset);
        }
        limit = Math.min(limit, MAX_LIMIT);

        List<String> headers = new ArrayList<>(dimensions);
        if (ranges.size() > 1 && !headers.contains("dateRange")) {
            headers.add("dateRange");
        }
        List<List<String>> keys = new ArrayList<>();
        Map<List<String>, Map<String, BigDecimal>> groups = new LinkedHashMap<>();
        boolean userTotals = metrics.stream().anyMatch(USER_METRICS::contains)
                && headers.stream().allMatch(h -> h.equals("date") || h.equals("dateRange"));
        Set<LocalDate> daysRead = new TreeSet<>();
        synchronized (property) {
            for (DateRangeSpec range : ranges) {
                for (FakeGa4Property.Row row : property.rows) {
                    if (row.date().isBefore(range.start()) || row.date().isAfter(range.end())) {
                        continue;
                    }
                    daysRead.add(row.date());
                    List<String> key = key(headers, row, range);
                    groups.computeIfAbsent(key, k -> {
                        keys.add(k);
                        return new LinkedHashMap<>();
                    });
                    Map<String, BigDecimal> sums = groups.get(key);
                    row.metrics().forEach((name, value) -> {
                        BigDecimal weighted = name.equals("averageSessionDuration")
                                ? value.multiply(row.metrics().getOrDefault("sessions", BigDecimal.ZERO)) : value;
                        sums.merge(name, weighted, BigDecimal::add);
                    });
                }
                if (userTotals) {
                    addUserTotals(headers, range, groups, keys, daysRead);
                }
            }
        }
        List<ArrayNode> rows = new ArrayList<>();
        List<List<String>> ordered = order(keys, headers, body.path("orderBys"));
        for (List<String> key : ordered) {
            Map<String, BigDecimal> sums = groups.get(key);
            if (metrics.stream().allMatch(m -> value(m, sums).signum() == 0) && !body.path("keepEmptyRows").asBoolean(false)) {
                continue;
            }
            ArrayNode row = FakeGoogleAnalytics.JSON.createArrayNode();
            ObjectNode rowNode = row.addObject();
            ArrayNode dims = rowNode.putArray("dimensionValues");
            key.forEach(v -> dims.addObject().put("value", v));
            ArrayNode values = rowNode.putArray("metricValues");
            metrics.forEach(m -> values.addObject().put("value", format(m, value(m, sums))));
            rows.add(row);
        }
        long cost = 1 + dimensions.size() + Math.min(rows.size(), limit) / 100;
        synchronized (property) {
            if (property.consumedToday + cost > property.tokensPerDay) {
                return FakeGoogleAnalytics.error(429, "RESOURCE_EXHAUSTED", "Exhausted property tokens per day for "
                        + "this property. Retry after midnight Pacific Time.");
            }
            if (property.consumedThisHour + cost > property.tokensPerHour) {
                return FakeGoogleAnalytics.error(429, "RESOURCE_EXHAUSTED", "Exhausted property tokens per hour for "
                        + "this property. Retry after the hour resets.");
            }
            property.consumedToday += cost;
            property.consumedThisHour += cost;
        }
        ObjectNode response = FakeGoogleAnalytics.JSON.createObjectNode();
        ArrayNode dimensionHeaders = response.putArray("dimensionHeaders");
        headers.forEach(h -> dimensionHeaders.addObject().put("name", h));
        ArrayNode metricHeaders = response.putArray("metricHeaders");
        metrics.forEach(m -> metricHeaders.addObject().put("name", m).put("type", METRIC_TYPES.get(m)));
        if (!rows.isEmpty()) {
            ArrayNode page = response.putArray("rows");
            for (long i = offset; i < Math.min(rows.size(), offset + limit); i++) {
                page.add(rows.get((int) i).get(0));
            }
            response.put("rowCount", rows.size());
        }
        ObjectNode metadata = response.putObject("metadata");
        metadata.put("currencyCode", property.currency.getCurrencyCode()).put("timeZone", property.zone.getId());
        boolean otherRow = ordered.stream().anyMatch(k -> k.contains("(other)"));
        if (otherRow) {
            metadata.put("dataLossFromOtherRow", true);
        }
        if (ranges.stream().anyMatch(r -> property.thresholdedDays.stream().anyMatch(d -> within(d, r)))) {
            metadata.put("subjectToThresholding", true);
        }
        List<DateRangeSpec> sampled = ranges.stream()
                .filter(r -> property.sampledDays.stream().anyMatch(d -> within(d, r))).toList();
        if (!sampled.isEmpty()) {
            ArrayNode samplings = metadata.putArray("samplingMetadatas");
            sampled.forEach(r -> samplings.addObject().put("samplesReadCount", "50000").put("samplingSpaceSize", "200000"));
        }
        if (rows.isEmpty()) {
            metadata.put("emptyReason", "No data for the requested dates.");
        }
        if (body.path("returnPropertyQuota").asBoolean(false)) {
            ObjectNode quota = response.putObject("propertyQuota");
            quota.putObject("tokensPerDay").put("consumed", cost).put("remaining", property.tokensPerDay - property.consumedToday);
            quota.putObject("tokensPerHour").put("consumed", cost).put("remaining", property.tokensPerHour - property.consumedThisHour);
            quota.putObject("concurrentRequests").put("consumed", 0).put("remaining", 10);
            quota.putObject("serverErrorsPerProjectPerHour").put("consumed", 0).put("remaining", 10);
            quota.putObject("potentiallyThresholdedRequestsPerHour").put("consumed", 0).put("remaining", 120);
        }
        response.put("kind", "analyticsData#runReport");
        return FakeResponse.ok(response.toString());
    }

    /** Distinct users over a range: each id once, new users those first seen in it. */
    private void addUserTotals(List<String> headers, DateRangeSpec range, Map<List<String>, Map<String, BigDecimal>> groups,
                               List<List<String>> keys, Set<LocalDate> daysRead) {
        Map<List<String>, Set<Integer>> users = new LinkedHashMap<>();
        Map<Integer, LocalDate> firstSeen = new LinkedHashMap<>();
        property.usersByDay.forEach((day, ids) -> ids.forEach(id -> firstSeen.merge(id, day, (a, b) -> a.isBefore(b) ? a : b)));
        property.usersByDay.forEach((day, ids) -> {
            if (!within(day, range)) {
                return;
            }
            daysRead.add(day);
            List<String> key = new ArrayList<>();
            for (String header : headers) {
                key.add(header.equals("date") ? day.format(GA4_DATE) : range.name());
            }
            users.computeIfAbsent(key, k -> new TreeSet<>()).addAll(ids);
        });
        users.forEach((key, ids) -> {
            Map<String, BigDecimal> sums = groups.computeIfAbsent(key, k -> {
                keys.add(k);
                return new LinkedHashMap<>();
            });
            LocalDate from = key.contains(range.name()) || !headers.contains("date") ? range.start()
                    : LocalDate.parse(key.get(headers.indexOf("date")), GA4_DATE);
            sums.put("totalUsers", BigDecimal.valueOf(ids.size()));
            sums.put("activeUsers", BigDecimal.valueOf(ids.size()));
            sums.put("newUsers", BigDecimal.valueOf(ids.stream().filter(id -> !firstSeen.get(id).isBefore(from)).count()));
        });
    }

    private static boolean within(LocalDate day, DateRangeSpec range) {
        return !day.isBefore(range.start()) && !day.isAfter(range.end());
    }

    private static List<String> key(List<String> headers, FakeGa4Property.Row row, DateRangeSpec range) {
        List<String> key = new ArrayList<>();
        for (String header : headers) {
            key.add(switch (header) {
                case "date" -> row.date().format(GA4_DATE);
                case "dateRange" -> range.name();
                default -> row.dimensions().getOrDefault(header, "(not set)");
            });
        }
        return key;
    }

    private static List<List<String>> order(List<List<String>> keys, List<String> headers, JsonNode orderBys) {
        List<List<String>> ordered = new ArrayList<>(keys);
        Comparator<List<String>> comparator = null;
        for (JsonNode orderBy : orderBys) {
            int index = headers.indexOf(orderBy.path("dimension").path("dimensionName").asText());
            if (index < 0) {
                continue;
            }
            Comparator<List<String>> next = Comparator.comparing(k -> k.get(index));
            if (orderBy.path("desc").asBoolean(false)) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        if (comparator != null) {
            ordered.sort(comparator);
        } else {
            // Without orderBys GA4 promises no order: the fake serves the rows in an order of its own.
            ordered.sort(Comparator.comparing(k -> Integer.toHexString(k.hashCode())));
        }
        return ordered;
    }

    private static BigDecimal value(String metric, Map<String, BigDecimal> sums) {
        BigDecimal sessions = sums.getOrDefault("sessions", BigDecimal.ZERO);
        BigDecimal engaged = sums.getOrDefault("engagedSessions", BigDecimal.ZERO);
        return switch (metric) {
            case "averageSessionDuration" -> sessions.signum() == 0 ? BigDecimal.ZERO
                    : sums.getOrDefault(metric, BigDecimal.ZERO).divide(sessions, MathContext.DECIMAL64);
            case "bounceRate" -> sessions.signum() == 0 ? BigDecimal.ZERO
                    : BigDecimal.ONE.subtract(engaged.divide(sessions, MathContext.DECIMAL64));
            case "engagementRate" -> sessions.signum() == 0 ? BigDecimal.ZERO : engaged.divide(sessions, MathContext.DECIMAL64);
            case "keyEvents", "conversions" -> sums.getOrDefault("keyEvents", sums.getOrDefault("conversions", BigDecimal.ZERO));
            default -> sums.getOrDefault(metric, BigDecimal.ZERO);
        };
    }

    private static String format(String metric, BigDecimal value) {
        String type = METRIC_TYPES.get(metric);
        if (type.equals("TYPE_INTEGER")) {
            return value.setScale(0, RoundingMode.HALF_EVEN).toPlainString();
        }
        // GA4 writes floats with up to about 16 significant digits and no trailing zeros.
        BigDecimal rounded = value.round(new MathContext(16)).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    private LocalDate date(String text) {
        LocalDate today = LocalDate.now(clock.withZone(property.zone));
        if (text.equals("today")) {
            return today;
        }
        if (text.equals("yesterday")) {
            return today.minusDays(1);
        }
        Matcher ago = DAYS_AGO.matcher(text);
        if (ago.matches()) {
            return today.minusDays(Long.parseLong(ago.group(1)));
        }
        return LocalDate.parse(text);
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        for (JsonNode node : nodes) {
            names.add(node.path("name").asText(""));
        }
        return names;
    }

    private static FakeResponse invalid(String message) {
        return FakeGoogleAnalytics.error(400, "INVALID_ARGUMENT", message);
    }
}
