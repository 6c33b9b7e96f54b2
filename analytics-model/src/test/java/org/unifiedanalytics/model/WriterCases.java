package org.unifiedanalytics.model;

import static org.unifiedanalytics.model.schema.Tables.ACCOUNT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.EMAIL_CAMPAIGN;
import static org.unifiedanalytics.model.schema.Tables.EMAIL_CAMPAIGN_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.IDENTITY_LINK;
import static org.unifiedanalytics.model.schema.Tables.ORDER_LINE;
import static org.unifiedanalytics.model.schema.Tables.ORDER_REFUND;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.SOURCE_ACCOUNT;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;
import static org.unifiedanalytics.model.schema.Tables.WEB_PURCHASE_SESSION;
import static org.unifiedanalytics.model.schema.Tables.WEB_REPORT_QUALITY;
import static org.unifiedanalytics.model.schema.Tables.WEB_TRAFFIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.WEB_USER_TOTALS;
import static org.unifiedanalytics.model.testing.Fixtures.DAY;
import static org.unifiedanalytics.model.testing.Fixtures.JANE;
import static org.unifiedanalytics.model.testing.Fixtures.T0;
import static org.unifiedanalytics.model.testing.Fixtures.eur;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jooq.Field;
import org.jooq.Table;
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
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.records.WebPurchaseSession;
import org.unifiedanalytics.model.records.WebReportQuality;
import org.unifiedanalytics.model.records.WebTraffic;
import org.unifiedanalytics.model.testing.Fixtures;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * One case per record kind: a record, the same record changed, another record, an invalid one, and a
 * column whose value tells the versions apart.
 */
record WriterCases(String kind, WarehouseRecord original, WarehouseRecord updated, WarehouseRecord other,
                   WarehouseRecord invalid, String invalidField, Table<?> table, Field<?> probe, Object originalValue,
                   Object updatedValue) {

    @Override
    public String toString() {
        return kind;
    }

    static List<WriterCases> all() {
        ContentMetrics metrics = Fixtures.contentMetrics("v1", DAY, 100);
        SalesOrder order = Fixtures.order("1001", "25.00");
        SalesOrder mixedCurrencies = new SalesOrder("shopify", "1003", "store-1", "#1003", T0, T0, null, "paid", null,
                eur("10.00"), Money.of("1.00", "USD"), eur("0"), eur("0"), eur("10.00"), eur("0"), JANE, null, null,
                null, null);
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        return List.of(
                new WriterCases("SourceAccount", Fixtures.account("acc-1", "Brand"), Fixtures.account("acc-1", "Brand Co"),
                        Fixtures.account("acc-2", "Other"),
                        new SourceAccount("tiktok", "acc-3", "Bad", null, null, null, T0), "timeZone",
                        SOURCE_ACCOUNT, SOURCE_ACCOUNT.NAME, "Brand", "Brand Co"),
                new WriterCases("Content", Fixtures.content("v1", "First cut"), Fixtures.content("v1", "Final cut"),
                        Fixtures.content("v2", "Another"),
                        new Content("tiktok", null, "acc-1", "video", "No id", null, T0, null, T0), "contentId",
                        CONTENT, CONTENT.TITLE, "First cut", "Final cut"),
                new WriterCases("ContentMetrics", metrics, Fixtures.contentMetrics("v1", DAY, 150),
                        Fixtures.contentMetrics("v2", DAY, 10),
                        new ContentMetrics("tiktok", "v3", DAY, "acc-1", Counting.LIFETIME, -1L, null, null, null,
                                null, null, null, null, null, null, null, null, null, null, null, null, T0), "views",
                        CONTENT_METRIC_DAILY, CONTENT_METRIC_DAILY.VIEWS, 100L, 150L),
                new WriterCases("AccountMetrics", Fixtures.accountMetrics(DAY, 1000), Fixtures.accountMetrics(DAY, 1010),
                        Fixtures.accountMetrics(DAY.plusDays(1), 1020),
                        new AccountMetrics("tiktok", "acc-1", null, 1L, null, null, null, null, null, null, null, T0),
                        "reportDate", ACCOUNT_METRIC_DAILY, ACCOUNT_METRIC_DAILY.FOLLOWERS, 1000L, 1010L),
                new WriterCases("WebTraffic", Fixtures.webTraffic(DAY, 40), Fixtures.webTraffic(DAY, 44),
                        Fixtures.webTraffic(DAY.plusDays(1), 7),
                        new WebTraffic("ga4", "123456", DAY, "google", "organic", null, "/", ChannelGroup.ORGANIC_SEARCH,
                                null, 1L, 1L, 1L, 1L, 1L, null, new BigDecimal("1.5"), null, null, null, null, null, T0),
                        "bounceRate", WEB_TRAFFIC_DAILY, WEB_TRAFFIC_DAILY.SESSIONS, 40L, 44L),
                new WriterCases("WebReportQuality", Fixtures.webQuality(DAY, false), Fixtures.webQuality(DAY, true),
                        Fixtures.webQuality(DAY.plusDays(1), false),
                        new WebReportQuality("ga4", "123456", DAY, "traffic", java.time.ZoneId.of("UTC"), null, false, false, true, -1L, 10L, T0),
                        "samplesReadCount", WEB_REPORT_QUALITY, WEB_REPORT_QUALITY.SUBJECT_TO_THRESHOLDING, false, true),
                new WriterCases("WebPurchaseSession", Fixtures.webPurchase("1001", at, "google", "organic"),
                        Fixtures.webPurchase("1001", at, "klaviyo", "email"), Fixtures.webPurchase("1002", at, "google", "organic"),
                        new WebPurchaseSession("ga4", "123456", "1003", at, "x", "y", null, ChannelGroup.DIRECT, null,
                                eur("-1.00"), T0), "revenue", WEB_PURCHASE_SESSION, WEB_PURCHASE_SESSION.SOURCE, "google", "klaviyo"),
                new WriterCases("WebUserTotals", Fixtures.webUsers(DAY, DAY.plusDays(6), 90),
                        Fixtures.webUsers(DAY, DAY.plusDays(6), 95), Fixtures.webUsers(DAY, DAY, 20),
                        Fixtures.webUsers(DAY, DAY.minusDays(1), 5), "periodEnd",
                        WEB_USER_TOTALS, WEB_USER_TOTALS.TOTAL_USERS, 90L, 95L),
                new WriterCases("EmailCampaign", Fixtures.emailCampaign("c1", "Spring"), Fixtures.emailCampaign("c1", "Spring sale"),
                        Fixtures.emailCampaign("c2", "Summer"),
                        new EmailCampaign("klaviyo", " ", "kl-1", "Blank id", null, null, null, T0), "campaignId",
                        EMAIL_CAMPAIGN, EMAIL_CAMPAIGN.NAME, "Spring", "Spring sale"),
                new WriterCases("EmailCampaignMetrics", Fixtures.emailMetrics("c1", 300), Fixtures.emailMetrics("c1", 320),
                        Fixtures.emailMetrics("c2", 10),
                        new EmailCampaignMetrics("klaviyo", "c3", DAY, "kl-1", Counting.DAILY, null, null, -5L, null,
                                null, null, null, null, null, null, null, T0), "opens",
                        EMAIL_CAMPAIGN_METRIC_DAILY, EMAIL_CAMPAIGN_METRIC_DAILY.OPENS, 300L, 320L),
                new WriterCases("SalesOrder", order, Fixtures.order("1001", "30.00"), Fixtures.order("1002", "5.00"),
                        mixedCurrencies, "discounts", SALES_ORDER, SALES_ORDER.TOTAL, new BigDecimal("25.00"),
                        new BigDecimal("30.00")),
                new WriterCases("OrderLine", Fixtures.orderLine("1001", "l1", 1), Fixtures.orderLine("1001", "l1", 2),
                        Fixtures.orderLine("1001", "l2", 1), Fixtures.orderLine("1001", "l3", -1), "quantity",
                        ORDER_LINE, ORDER_LINE.QUANTITY, 1, 2),
                new WriterCases("OrderRefund", Fixtures.refund("1001", "r1", "5.00"), Fixtures.refund("1001", "r1", "7.50"),
                        Fixtures.refund("1001", "r2", "1.00"),
                        new OrderRefund("shopify", "1001", "r3", T0, eur("1.00001"), null), "amount",
                        ORDER_REFUND, ORDER_REFUND.AMOUNT, new BigDecimal("5.00"), new BigDecimal("7.50")),
                new WriterCases("Touchpoint", Fixtures.touchpoint("t1", at, "tiktok"), Fixtures.touchpoint("t1", at, "instagram"),
                        Fixtures.touchpoint("t2", at, "tiktok"),
                        new Touchpoint("tiktok", "t3", null, at, "video_view", "tiktok", ChannelGroup.ORGANIC_SOCIAL,
                                null, null, null, null), "customerKey", TOUCHPOINT, TOUCHPOINT.CHANNEL, "tiktok", "instagram"),
                new WriterCases("Conversion", Fixtures.conversion("o1", at, "25.00"), Fixtures.conversion("o1", at, "20.00"),
                        Fixtures.conversion("o2", at, "9.99"),
                        new Conversion("shopify", "o3", null, at, eur("-1.00"), "order"), "revenue",
                        CONVERSION, CONVERSION.REVENUE, new BigDecimal("25.00"), new BigDecimal("20.00")),
                new WriterCases("IdentityLink", Fixtures.identityLink("u1", JANE),
                        Fixtures.identityLink("u1", CustomerKey.of("host-42")), Fixtures.identityLink("u2", JANE),
                        Fixtures.identityLink("u".repeat(300), JANE), "sourceUserId",
                        IDENTITY_LINK, IDENTITY_LINK.CUSTOMER_KEY, JANE.value(), "host-42"));
    }
}
