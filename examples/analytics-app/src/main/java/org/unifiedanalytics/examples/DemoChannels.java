package org.unifiedanalytics.examples;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.unifiedanalytics.examples.DemoOrder.Visit;
import org.unifiedanalytics.testkit.fakes.FakeGa4Property;
import org.unifiedanalytics.testkit.fakes.FakeGoogleAnalytics;
import org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi;

/** The demo brand's website traffic (GA4) and newsletters (Klaviyo), around the same visits as its web orders. */
final class DemoChannels {

    /** The GA4 property of the demo store: the zone its days are in. */
    static final String PROPERTY = "412345678";
    // UTC like the rest of the demo brand, so that two runs on one UTC day read the same property days.
    static final ZoneId PROPERTY_ZONE = ZoneId.of("Etc/UTC");

    /**
     * GA4 traffic consistent with the orders: each buyer's store visit is one of several sessions from its source
     * on that day (most visitors browse and leave), add-to-carts and checkouts come from the buyers' visits, and
     * purchases are the orders themselves, with the order id as transaction id, in a session from their last
     * visit's source: GA4's purchase sessions become the buyers' touchpoints once the store's orders are in.
     */
    static FakeGoogleAnalytics ga4(DemoBrand brand, List<DemoOrder> orders, Clock clock) {
        var ga4 = FakeGoogleAnalytics.start(clock);
        var property = ga4.property(PROPERTY, PROPERTY_ZONE, "EUR");
        Map<List<String>, long[]> rows = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
        Random random = new Random(13);
        for (DemoOrder order : orders) {
            for (int k = 0; k < order.visits().size(); k++) {
                Visit visit = order.visits().get(k);
                boolean last = k == order.visits().size() - 1;
                List<String> key = key(visit, LocalDate.ofInstant(visit.at(), PROPERTY_ZONE));
                long[] m = rows.computeIfAbsent(key, x -> new long[3]);
                m[0] += 6 + random.nextInt(6);      // sessions: the buyer's and other visitors'
                m[1] += 1 + (last ? 1 : 0);         // add-to-carts
                m[2] += last ? 1 : 0;               // checkouts
                if (last && order.currency().equals("EUR")) {
                    // The purchase itself, with the order id as GA4's transaction id: the store sends it.
                    property.purchase(order.createdAt(), order.id(), FakeGa4Property.dims(
                            key.get(1), key.get(2), key.get(3), "/", group(key.get(2))), new java.math.BigDecimal(order.total()));
                }
            }
        }
        for (int d = 0; d < 90; d++) {
            // Visitors who never buy: search and direct traffic every day.
            LocalDate day = brand.today.minusDays(d);
            rows.computeIfAbsent(List.of(day.toString(), "google", "organic", "(organic)"), x -> new long[3])[0] += 30 + random.nextInt(20);
            rows.computeIfAbsent(List.of(day.toString(), "(direct)", "(none)", "(direct)"), x -> new long[3])[0] += 20 + random.nextInt(15);
            int first = (int) (d % 30) * 10;
            property.usersOn(day, java.util.stream.IntStream.range(first, first + 60).boxed().toList());
        }
        rows.forEach((key, m) -> {
            Map<String, Number> metrics = new LinkedHashMap<>();
            metrics.put("sessions", m[0]);
            metrics.put("engagedSessions", m[0] * 6 / 10);
            metrics.put("totalUsers", m[0] * 9 / 10);
            metrics.put("newUsers", m[0] / 3);
            metrics.put("screenPageViews", m[0] * 4);
            metrics.put("averageSessionDuration", new java.math.BigDecimal("74.5"));
            metrics.put("addToCarts", m[1]);
            metrics.put("checkouts", m[2]);
            property.traffic(LocalDate.parse(key.get(0)), FakeGa4Property.dims(key.get(1),
                    key.get(2), key.get(3), "/", group(key.get(2))), metrics);
        });
        return ga4;
    }

    private static String group(String medium) {
        return switch (medium) {
            case "email" -> "Email";
            case "social" -> "Organic Social";
            case "organic" -> "Organic Search";
            default -> "Direct";
        };
    }

    static final String KLAVIYO_KEY = "pk_demo_clay_and_co_0000000000";

    /**
     * Klaviyo with the brand's two newsletters, each sent weekly: their results, the opens and clicks of
     * subscribers who never buy, and, for every buyer's visit from an email, that buyer's open and click of the
     * campaign a few minutes before it (the same email the store has, so both meet on one journey).
     */
    static FakeKlaviyoApi klaviyo(DemoBrand brand, List<DemoOrder> orders, Clock clock) {
        var klaviyo = FakeKlaviyoApi.start(KLAVIYO_KEY, clock).currency("EUR");
        // The Reporting API's real limits (1/s, 2/min) would make the demo wait a minute per report.
        klaviyo.reportingLimits(5, 60, 225);
        Random random = new Random(17);
        for (int week = 0; week < 13; week++) {
            for (String name : List.of("spring-sale", "new-glazes")) {
                Instant sent = brand.now.minus(89 - week * 7L - (name.equals("new-glazes") ? 3 : 0), ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
                if (!sent.isBefore(brand.now)) {
                    continue;
                }
                long recipients = 1_150 + random.nextInt(100);
                long delivered = recipients - 5 - random.nextInt(10);
                long uniqueOpens = delivered * (35 + random.nextInt(15)) / 100;
                long uniqueClicks = uniqueOpens * (8 + random.nextInt(6)) / 100;
                klaviyo.campaign("01JDEMO" + week + name.charAt(0), name, "email", sent,
                        name.equals("spring-sale") ? "Spring sale: 20% off speckled mugs" : "New glazes are out of the kiln")
                        .stats(recipients, delivered, uniqueOpens * 13 / 10, uniqueOpens, uniqueClicks * 3 / 2, uniqueClicks,
                                2 + random.nextInt(6), (60 + random.nextInt(300)) + ".00");
                for (int i = 0; i < 30; i++) {
                    String subscriber = "subscriber" + random.nextInt(400) + "@example.com";
                    Instant opened = sent.plus(5 + random.nextInt(600), ChronoUnit.MINUTES);
                    if (opened.isBefore(brand.now)) {
                        klaviyo.event("Opened Email", subscriber, opened, name);
                    }
                }
            }
        }
        for (DemoOrder order : orders) {
            for (Visit visit : order.visits()) {
                if ("klaviyo".equals(visit.source())) {
                    klaviyo.event("Opened Email", order.email(), visit.at().minus(7, ChronoUnit.MINUTES), visit.campaign());
                    klaviyo.event("Clicked Email", order.email(), visit.at().minus(1, ChronoUnit.MINUTES), visit.campaign());
                }
            }
        }
        return klaviyo;
    }

    private static List<String> key(Visit visit, LocalDate day) {
        if (visit.source() == null) {
            return List.of(day.toString(), "(direct)", "(none)", "(direct)");
        }
        return List.of(day.toString(), visit.source(), visit.medium(),
                visit.campaign() == null ? "(organic)" : visit.campaign());
    }

    private DemoChannels() {
    }
}
