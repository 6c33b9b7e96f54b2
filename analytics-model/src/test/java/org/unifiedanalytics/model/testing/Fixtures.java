package org.unifiedanalytics.model.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.unifiedanalytics.model.records.AccountMetrics;
import org.unifiedanalytics.model.records.Content;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.EmailCampaign;
import org.unifiedanalytics.model.records.EmailCampaignMetrics;
import org.unifiedanalytics.model.records.IdentityLink;
import org.unifiedanalytics.model.records.OrderLine;
import org.unifiedanalytics.model.records.OrderRefund;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.SourceAccount;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WebPurchaseSession;
import org.unifiedanalytics.model.records.WebReportQuality;
import org.unifiedanalytics.model.records.WebTraffic;
import org.unifiedanalytics.model.records.WebUserTotals;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/** Small, valid records of every kind, to vary in tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    public static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    public static final CustomerKey JANE = CustomerKey.fromEmail("jane@example.com");

    private Fixtures() {
    }

    public static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    public static SourceAccount account(String id, String name) {
        return new SourceAccount("tiktok", id, name, "@brand", ZoneId.of("Europe/Berlin"), Money.currency("EUR"), T0);
    }

    public static Content content(String id, String title) {
        return new Content("tiktok", id, "acc-1", "video", title, "https://www.tiktok.com/@brand/video/" + id, T0,
                new BigDecimal("15.5"), T0);
    }

    public static ContentMetrics contentMetrics(String id, LocalDate day, long views) {
        return new ContentMetrics("tiktok", id, day, "acc-1", Counting.LIFETIME, views, views / 2, views / 10, 3L, 2L, 1L,
                5L, 4L, 6L, new BigDecimal("1234.5"), new BigDecimal("0.42"), 1L, eur("10.00"), 4L, 5L, new BigDecimal("0.125"), T0);
    }

    public static AccountMetrics accountMetrics(LocalDate day, long followers) {
        return new AccountMetrics("tiktok", "acc-1", day, followers, 10L, 2L, 30L, 400L, 50L, 6L, 7L, T0);
    }

    public static WebTraffic webTraffic(LocalDate day, long sessions) {
        return new WebTraffic("ga4", "123456", day, "tiktok", "social", "spring", "/products/mug",
                ChannelGroup.ORGANIC_SOCIAL, "Organic Social", sessions, sessions - 1, 1L, sessions * 3, sessions / 2,
                new BigDecimal("61.250"), new BigDecimal("0.5"), 2L, 1L, 1L, eur("25.00"), new BigDecimal("3"), T0);
    }

    public static WebReportQuality webQuality(LocalDate day, boolean thresholded) {
        return new WebReportQuality("ga4", "123456", day, "traffic", java.time.ZoneId.of("America/Los_Angeles"),
                java.util.Currency.getInstance("EUR"), false, thresholded, false, null, null, T0);
    }

    public static WebPurchaseSession webPurchase(String transactionId, Instant at, String source, String medium) {
        return new WebPurchaseSession("ga4", "123456", transactionId, at, source, medium, "(not set)",
                org.unifiedanalytics.model.values.ChannelClassifier.ga4Default().classify(source, medium, null), null,
                eur("25.00"), T0);
    }

    public static WebUserTotals webUsers(LocalDate from, LocalDate to, long users) {
        return new WebUserTotals("ga4", "123456", from, to, users, users / 3, users, T0);
    }

    public static EmailCampaign emailCampaign(String id, String name) {
        return new EmailCampaign("klaviyo", id, "kl-1", name, "Spring is here", "Sent", T0, T0);
    }

    public static EmailCampaignMetrics emailMetrics(String id, long opens) {
        return new EmailCampaignMetrics("klaviyo", id, DAY, "kl-1", Counting.LIFETIME, 1000L, 990L, opens, opens - 10,
                80L, 70L, 5L, eur("150.00"), 2L, 10L, 0L, T0);
    }

    public static SalesOrder order(String id, String total) {
        Money t = eur(total);
        return new SalesOrder("shopify", id, "store-1", "#" + id, T0, T0.plusSeconds(60), null, "paid", "fulfilled",
                t, eur("0"), eur("0"), eur("0"), t, eur("0"), JANE, new Utm("tiktok", "social", "spring", "vid-1", null),
                "https://www.tiktok.com/", "/products/mug?utm_source=tiktok", "vid-1");
    }

    public static OrderLine orderLine(String orderId, String lineId, int quantity) {
        return new OrderLine("shopify", orderId, lineId, "MUG-1", "p1", "v1", "Mug", quantity, eur("12.50"), eur("0"),
                eur("12.50").plus(eur("0")));
    }

    public static OrderRefund refund(String orderId, String refundId, String amount) {
        return new OrderRefund("shopify", orderId, refundId, T0.plusSeconds(3600), eur(amount), "damaged");
    }

    public static Touchpoint touchpoint(String externalId, Instant at, String channel) {
        return new Touchpoint("tiktok", externalId, JANE, at, "video_view", channel, ChannelGroup.ORGANIC_SOCIAL,
                "tiktok", "social", "spring", "vid-1");
    }

    public static Conversion conversion(String externalId, Instant at, String revenue) {
        return new Conversion("shopify", externalId, JANE, at, eur(revenue), "order");
    }

    public static IdentityLink identityLink(String userId, CustomerKey key) {
        return new IdentityLink("klaviyo", userId, key, T0);
    }
}
