package org.unifiedanalytics.connector.klaviyo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.unifiedanalytics.testkit.fakes.FakeKlaviyoApi;

/**
 * A fake Klaviyo account (EUR): twelve email campaigns over the last 40 days and one SMS campaign, and the opens
 * and clicks of 20 subscribers after each send.
 */
final class KlaviyoFixture {
    static final String KEY = "pk_test_4f1c9a0d3e7b2c5a8f6e1d0c";
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    final FakeKlaviyoApi klaviyo;

    KlaviyoFixture(Clock clock) {
        klaviyo = FakeKlaviyoApi.start(KEY, clock).currency("EUR");
        // Tests are not to wait a minute per report: the limits stay, scaled to a test's pace.
        klaviyo.reportingLimits(50, 100, 225);
        for (int c = 0; c < 12; c++) {
            Instant sent = NOW.minus(Duration.ofDays(3L * c + 1)).minus(Duration.ofHours(3));
            String name = "Campaign " + c;
            klaviyo.campaign("01JCAMP" + c, name, "email", sent, "Subject " + c)
                    .stats(1000 + c, 990, 400, 310 + c, 60, 45, 9, "450.00");
            for (int p = 0; p < 20; p++) {
                String email = "subscriber" + p + "@example.com";
                klaviyo.event("Opened Email", email, sent.plus(Duration.ofMinutes(10 + p)), name);
                if (p % 2 == 0) {
                    klaviyo.event("Clicked Email", email, sent.plus(Duration.ofMinutes(20 + p)), name);
                }
            }
        }
        klaviyo.campaign("01JSMS1", "Flash sale text", "sms", NOW.minus(Duration.ofDays(2)), null);
    }

    Map<String, String> config() {
        return Map.of("api_key", KEY, "base_url", klaviyo.baseUrl(), "page_size", "50", "reports_per_minute", "100");
    }
}
