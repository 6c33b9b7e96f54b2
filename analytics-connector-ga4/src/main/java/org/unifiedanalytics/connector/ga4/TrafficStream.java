package org.unifiedanalytics.connector.ga4;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.SourceAccount;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.records.WebReportQuality;
import org.unifiedanalytics.model.records.WebTraffic;
import org.unifiedanalytics.model.values.ChannelClassifier;
import org.unifiedanalytics.model.values.Money;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Daily traffic by session source, medium, campaign and landing page (with GA4's own channel group), one
 * reporting day per window in the property's zone: asking for one day at a time keeps rows out of GA4's
 * {@code (other)} row. A request may name at most 10 metrics, so the day is read as two reports over the same
 * dimensions, sessions and engagement in one, e-commerce in the other, joined row by row. Each window
 * replaces its day whole (a row GA4 revised away disappears) and records the day's data-quality flags.
 */
final class TrafficStream implements DailyStream {
    static final String REPORT = "traffic";
    static final List<String> DIMENSIONS = List.of("date", "sessionSource", "sessionMedium", "sessionCampaignName",
            "landingPage", "sessionDefaultChannelGroup");
    static final List<String> ENGAGEMENT = List.of("sessions", "engagedSessions", "totalUsers", "newUsers",
            "screenPageViews", "averageSessionDuration", "bounceRate", "keyEvents");
    static final List<String> ECOMMERCE = List.of("addToCarts", "checkouts", "ecommercePurchases", "purchaseRevenue");
    private static final DateTimeFormatter GA4_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final Ga4Connector connector;
    private final int lookbackDays;
    private final ChannelClassifier classifier = ChannelClassifier.ga4Default();
    /** Properties that still answer the pre-2024 {@code conversions} metric instead of {@code keyEvents}. */
    private final Set<String> legacyConversions = ConcurrentHashMap.newKeySet();

    TrafficStream(Ga4Connector connector, int lookbackDays) {
        this.connector = connector;
        this.lookbackDays = lookbackDays;
    }

    @Override
    public String name() {
        return REPORT;
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(WebTraffic.class, WebReportQuality.class, SourceAccount.class);
    }

    @Override
    public DailyWindow window() {
        return DailyWindow.replacing(lookbackDays, 1, Ga4Connector.PLATFORM, WebTraffic.class);
    }

    @Override
    public ZoneId reportingZone(String property) {
        return connector.info(property).timeZone();
    }

    @Override
    public Page readDays(String property, DateRange days, Optional<String> pageToken) {
        Ga4Report engagement = engagement(property, days);
        Ga4Report ecommerce = connector.api().runAll(property, body(days, ECOMMERCE), connector.pageSize());
        Instant fetched = connector.clock().instant();
        Ga4Report.Metadata meta = engagement.metadata();
        String currency = meta.currency().map(java.util.Currency::getCurrencyCode).orElse(null);

        Map<List<String>, Ga4Report.Row> sales = new LinkedHashMap<>();
        ecommerce.rows().forEach(row -> sales.put(row.dimensionValues(), row));
        List<WarehouseRecord> records = new ArrayList<>();
        records.add(new SourceAccount(Ga4Connector.PLATFORM, property, null, null, meta.timeZone(),
                meta.currency().orElse(null), fetched));
        for (Ga4Report.Row row : engagement.rows()) {
            records.add(traffic(property, engagement, row, ecommerce, sales.remove(row.dimensionValues()), currency, fetched));
        }
        // E-commerce rows with no engagement row (an add-to-cart in a session GA4 did not count): kept, not dropped.
        for (Ga4Report.Row row : sales.values()) {
            records.add(traffic(property, engagement, null, ecommerce, row, currency, fetched));
        }
        Ga4Report.Metadata salesMeta = ecommerce.metadata();
        for (LocalDate day = days.from(); day.isBefore(days.toExclusive()); day = day.plusDays(1)) {
            records.add(new WebReportQuality(Ga4Connector.PLATFORM, property, day, REPORT, meta.timeZone(),
                    meta.currency().orElse(null),
                    meta.dataLossFromOtherRow() || salesMeta.dataLossFromOtherRow(),
                    meta.subjectToThresholding() || salesMeta.subjectToThresholding(),
                    meta.sampled() || salesMeta.sampled(), meta.samplesReadCount(), meta.samplingSpaceSize(), fetched));
        }
        return Page.last(records);
    }

    private Ga4Report engagement(String property, DateRange days) {
        if (!legacyConversions.contains(property)) {
            try {
                return connector.api().runAll(property, body(days, ENGAGEMENT), connector.pageSize());
            } catch (Ga4Api.InvalidArgument e) {
                if (!e.getMessage().contains("keyEvents")) {
                    throw e;
                }
                // A property that still answers with the old name: key events were "conversions" before 2024.
                legacyConversions.add(property);
            }
        }
        List<String> legacy = ENGAGEMENT.stream().map(m -> m.equals("keyEvents") ? "conversions" : m).toList();
        return connector.api().runAll(property, body(days, legacy), connector.pageSize());
    }

    private WebTraffic traffic(String property, Ga4Report engagementReport, Ga4Report.Row engagement,
                               Ga4Report salesReport, Ga4Report.Row sales, String currency, Instant fetched) {
        List<String> dims = engagement != null ? engagement.dimensionValues() : sales.dimensionValues();
        Ga4Report dimsReport = engagement != null ? engagementReport : salesReport;
        LocalDate date = LocalDate.parse(dims.get(dimsReport.dimension("date")), GA4_DATE);
        String source = dims.get(dimsReport.dimension("sessionSource"));
        String medium = dims.get(dimsReport.dimension("sessionMedium"));
        String campaign = dims.get(dimsReport.dimension("sessionCampaignName"));
        String landingPage = dims.get(dimsReport.dimension("landingPage"));
        String ga4Group = dims.get(dimsReport.dimension("sessionDefaultChannelGroup"));
        BigDecimal revenue = sales == null ? null : salesReport.metric(sales, "purchaseRevenue");
        BigDecimal keyEvents = engagement == null ? null
                : Optional.ofNullable(engagementReport.metric(engagement, "keyEvents"))
                .orElse(engagementReport.metric(engagement, "conversions"));
        return new WebTraffic(Ga4Connector.PLATFORM, property, date, source, medium, campaign, landingPage,
                classifier.classify(source, medium, campaign), ga4Group,
                count(engagementReport, engagement, "sessions"), count(engagementReport, engagement, "totalUsers"),
                count(engagementReport, engagement, "newUsers"), count(engagementReport, engagement, "screenPageViews"),
                count(engagementReport, engagement, "engagedSessions"),
                scaled(engagement == null ? null : engagementReport.metric(engagement, "averageSessionDuration"), 3),
                scaled(engagement == null ? null : engagementReport.metric(engagement, "bounceRate"), 6),
                count(salesReport, sales, "addToCarts"), count(salesReport, sales, "checkouts"),
                count(salesReport, sales, "ecommercePurchases"),
                revenue == null || currency == null ? null : Money.of(revenue.setScale(Money.SCALE, RoundingMode.HALF_EVEN), currency),
                scaled(keyEvents, 3), fetched);
    }

    private static Long count(Ga4Report report, Ga4Report.Row row, String metric) {
        return row == null ? null : report.count(row, metric);
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_EVEN);
    }

    private ObjectNode body(DateRange days, List<String> metrics) {
        return connector.api().dayReport(days, DIMENSIONS, metrics, DIMENSIONS);
    }
}
