package org.unifiedanalytics.connector.ga4;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.unifiedanalytics.testkit.fakes.FakeGa4Property;
import org.unifiedanalytics.testkit.fakes.FakeGoogleAnalytics;

/**
 * A fake GA4 with one property in Los Angeles (USD): 40 days of traffic from search, TikTok and email, with
 * users who come back across days, and a service-account key for it.
 */
final class Ga4Fixture {
    static final String PROPERTY = "412345678";
    static final String ACCOUNT = "sync@clay-and-co.iam.gserviceaccount.com";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    /** The property's today at {@link #NOW} (04:00 in Los Angeles). */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    final FakeGoogleAnalytics ga4;
    final String keyFile;

    Ga4Fixture(Clock clock) {
        ga4 = FakeGoogleAnalytics.start(clock);
        keyFile = ga4.tokens().newServiceAccountKey(ACCOUNT);
        FakeGa4Property shop = ga4.property(PROPERTY, ZoneId.of("America/Los_Angeles"), "USD");
        for (int d = 0; d < 40; d++) {
            LocalDate day = TODAY.minusDays(d);
            shop.traffic(day, FakeGa4Property.dims("google", "organic", "(organic)", "/", "Organic Search"),
                    metrics(40 + d, 30, "120.50", 2));
            shop.traffic(day, FakeGa4Property.dims("tiktok.com", "referral", "(referral)", "/products/mug", "Referral"),
                    metrics(25, 10, "48.00", 1));
            shop.traffic(day, FakeGa4Property.dims("klaviyo", "email", "spring_sale", "/sale", "Email"),
                    metrics(12, 9, "0", 0));
            // Users 0-49 come back day after day, so a week has far fewer users than the sum of its days.
            int first = d % 10;
            shop.usersOn(day, IntStream.range(first, first + 40).boxed().toList());
        }
    }

    static Map<String, Number> metrics(int sessions, int engaged, String revenue, int purchases) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("sessions", sessions);
        m.put("engagedSessions", engaged);
        m.put("totalUsers", sessions - 2);
        m.put("newUsers", sessions / 4);
        m.put("screenPageViews", sessions * 3);
        m.put("averageSessionDuration", new BigDecimal("61.25"));
        m.put("addToCarts", purchases * 3);
        m.put("checkouts", purchases * 2);
        m.put("ecommercePurchases", purchases);
        m.put("purchaseRevenue", new BigDecimal(revenue));
        m.put("keyEvents", purchases + 1);
        return m;
    }

    Map<String, String> config() {
        return Map.of("properties", PROPERTY, "credentials_json", keyFile, "base_url", ga4.baseUrl());
    }

    static List<String> secrets(Map<String, String> config) {
        return List.of(config.get("credentials_json"));
    }
}
