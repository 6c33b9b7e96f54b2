package org.unifiedanalytics.testkit.fakes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One GA4 property of a {@link FakeGoogleAnalytics}: its zone and currency, its traffic at the finest grain
 * the connector asks for (date, session source, medium, campaign, landing page, default channel group), the
 * ids of the users active each day (so that user totals over any period are exact distinct counts, never
 * sums), the days GA4 would flag (thresholded, sampled), its token quota, and who may read it.
 *
 * <pre>{@code
 * FakeGa4Property shop = ga4.property("412345678", ZoneId.of("America/Los_Angeles"), "USD");
 * shop.traffic(day, FakeGa4Property.dims("google", "organic", "(organic)", "/", "Organic Search"),
 *         Map.of("sessions", 40, "engagedSessions", 30, "purchaseRevenue", new BigDecimal("120.50")));
 * shop.usersOn(day, 1, 2, 3);
 * }</pre>
 */
public final class FakeGa4Property {
    /** The dimensions traffic rows are stored by, in this order. */
    public static final List<String> GRAIN = List.of("date", "sessionSource", "sessionMedium", "sessionCampaignName",
            "landingPage", "sessionDefaultChannelGroup");

    record Row(LocalDate date, Map<String, String> dimensions, Map<String, BigDecimal> metrics) {
    }

    final String id;
    final ZoneId zone;
    final Currency currency;
    final List<Row> rows = new ArrayList<>();
    final Map<LocalDate, Set<Integer>> usersByDay = new TreeMap<>();
    final Set<LocalDate> thresholdedDays = new TreeSet<>();
    final Set<LocalDate> sampledDays = new TreeSet<>();
    final Set<String> readers = ConcurrentHashMap.newKeySet();
    volatile boolean everyoneMayRead = true;
    volatile boolean legacyConversions;
    long tokensPerDay = 200_000;
    long tokensPerHour = 40_000;
    long consumedToday;
    long consumedThisHour;

    FakeGa4Property(String id, ZoneId zone, Currency currency) {
        this.id = id;
        this.zone = zone;
        this.currency = currency;
    }

    /** The session dimensions of a traffic row, in the order of {@link #GRAIN} after the date. */
    public static Map<String, String> dims(String source, String medium, String campaign, String landingPage,
                                           String defaultChannelGroup) {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("sessionSource", source);
        dims.put("sessionMedium", medium);
        dims.put("sessionCampaignName", campaign);
        dims.put("landingPage", landingPage);
        dims.put("sessionDefaultChannelGroup", defaultChannelGroup);
        return dims;
    }

    /**
     * Adds a traffic row of one day. Metrics by their GA4 names; {@code averageSessionDuration} is the row's own
     * average, {@code bounceRate} and {@code engagementRate} are derived from sessions and engaged sessions.
     */
    public synchronized FakeGa4Property traffic(LocalDate date, Map<String, String> dimensions,
                                                Map<String, ? extends Number> metrics) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        metrics.forEach((name, value) -> values.put(name, new BigDecimal(value.toString())));
        rows.add(new Row(date, new LinkedHashMap<>(dimensions), values));
        return this;
    }

    /**
     * A purchase: one e-commerce purchase with its transaction id (the store's order id or number) at an instant,
     * in a session from these dimensions ({@link #dims}). It counts in the traffic of its day like any purchase.
     */
    public synchronized FakeGa4Property purchase(java.time.Instant at, String transactionId, Map<String, String> sessionDimensions,
                                                 BigDecimal revenue) {
        java.time.ZonedDateTime local = at.atZone(zone);
        Map<String, String> dimensions = new LinkedHashMap<>(sessionDimensions);
        dimensions.put("transactionId", transactionId);
        dimensions.put("dateHourMinute", local.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmm")));
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        metrics.put("ecommercePurchases", BigDecimal.ONE);
        metrics.put("transactions", BigDecimal.ONE);
        metrics.put("purchaseRevenue", revenue);
        metrics.put("keyEvents", BigDecimal.ONE);
        rows.add(new Row(local.toLocalDate(), dimensions, metrics));
        return this;
    }

    /** Removes every traffic row of a day (GA4 revised it away). */
    public synchronized FakeGa4Property clearDay(LocalDate date) {
        rows.removeIf(r -> r.date().equals(date));
        return this;
    }

    /** The users active on a day, by id: totals over a period count each id once. */
    public synchronized FakeGa4Property usersOn(LocalDate date, Collection<Integer> userIds) {
        usersByDay.computeIfAbsent(date, d -> new TreeSet<>()).addAll(userIds);
        return this;
    }

    public FakeGa4Property usersOn(LocalDate date, Integer... userIds) {
        return usersOn(date, List.of(userIds));
    }

    /** Reports over this day say {@code subjectToThresholding: true}. */
    public synchronized FakeGa4Property thresholdedOn(LocalDate date) {
        thresholdedDays.add(date);
        return this;
    }

    /** Reports over this day carry sampling metadata. */
    public synchronized FakeGa4Property sampledOn(LocalDate date) {
        sampledDays.add(date);
        return this;
    }

    /** The property answers the old {@code conversions} metric and refuses {@code keyEvents}. */
    public FakeGa4Property legacyConversions() {
        this.legacyConversions = true;
        return this;
    }

    /** Only these subjects (service-account emails, OAuth client ids) may read the property. */
    public FakeGa4Property readableOnlyBy(String... subjects) {
        everyoneMayRead = false;
        readers.addAll(List.of(subjects));
        return this;
    }

    /** The property's token budgets (standard properties: 200,000 a day and 40,000 an hour). */
    public synchronized FakeGa4Property quota(long perDay, long perHour) {
        this.tokensPerDay = perDay;
        this.tokensPerHour = perHour;
        return this;
    }

    /** A new hour: the hourly tokens are whole again. */
    public synchronized void resetHourlyQuota() {
        consumedThisHour = 0;
    }

    /** A new day in Pacific time: daily and hourly tokens are whole again. */
    public synchronized void resetDailyQuota() {
        consumedToday = 0;
        consumedThisHour = 0;
    }

    public synchronized long tokensConsumedToday() {
        return consumedToday;
    }

    boolean mayBeReadBy(String subject) {
        return everyoneMayRead || readers.contains(subject);
    }
}
