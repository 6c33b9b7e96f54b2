package org.unifiedanalytics.model.internal;

import static org.unifiedanalytics.model.internal.Column.of;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;
import org.unifiedanalytics.model.values.TrafficSource;

/** The mapping of every record kind of the unified model to its table: the one place that knows both. */
public final class Mappings {


    static final RecordMapping<SourceAccount> SOURCE_ACCOUNTS = new RecordMapping<>(SourceAccount.class, SOURCE_ACCOUNT,
            List.of(of("platform", SOURCE_ACCOUNT.PLATFORM, SourceAccount::platform),
                    of("accountId", SOURCE_ACCOUNT.ACCOUNT_ID, SourceAccount::accountId),
                    of("name", SOURCE_ACCOUNT.NAME, SourceAccount::name),
                    of("username", SOURCE_ACCOUNT.USERNAME, SourceAccount::username),
                    of("timeZone", SOURCE_ACCOUNT.TIME_ZONE, r -> r.timeZone() == null ? null : r.timeZone().getId()),
                    of("currency", SOURCE_ACCOUNT.CURRENCY, r -> r.currency() == null ? null : r.currency().getCurrencyCode()),
                    of("updatedAt", SOURCE_ACCOUNT.UPDATED_AT, r -> utc(r.updatedAt()))),
            List.of("platform", "accountId"), (r, v) -> { });

    static final RecordMapping<Content> CONTENTS = new RecordMapping<>(Content.class, CONTENT,
            List.of(of("platform", CONTENT.PLATFORM, Content::platform),
                    of("contentId", CONTENT.CONTENT_ID, Content::contentId),
                    of("accountId", CONTENT.ACCOUNT_ID, Content::accountId),
                    of("kind", CONTENT.KIND, Content::kind),
                    of("title", CONTENT.TITLE, Content::title),
                    of("url", CONTENT.URL, Content::url),
                    of("publishedAt", CONTENT.PUBLISHED_AT, r -> utc(r.publishedAt())),
                    of("durationSeconds", CONTENT.DURATION_SECONDS, Content::durationSeconds),
                    of("updatedAt", CONTENT.UPDATED_AT, r -> utc(r.updatedAt()))),
            List.of("platform", "contentId"),
            (r, v) -> {
                if (r.durationSeconds() != null && r.durationSeconds().signum() < 0) {
                    v.add("durationSeconds", "must not be negative, got " + r.durationSeconds().toPlainString());
                }
            });

    static final RecordMapping<ContentMetrics> CONTENT_METRICS = new RecordMapping<>(ContentMetrics.class,
            CONTENT_METRIC_DAILY,
            List.of(of("platform", CONTENT_METRIC_DAILY.PLATFORM, ContentMetrics::platform),
                    of("contentId", CONTENT_METRIC_DAILY.CONTENT_ID, ContentMetrics::contentId),
                    of("reportDate", CONTENT_METRIC_DAILY.REPORT_DATE, ContentMetrics::reportDate),
                    of("accountId", CONTENT_METRIC_DAILY.ACCOUNT_ID, ContentMetrics::accountId),
                    of("counting", CONTENT_METRIC_DAILY.COUNTING, r -> counting(r.counting())),
                    of("views", CONTENT_METRIC_DAILY.VIEWS, ContentMetrics::views),
                    of("reach", CONTENT_METRIC_DAILY.REACH, ContentMetrics::reach),
                    of("likes", CONTENT_METRIC_DAILY.LIKES, ContentMetrics::likes),
                    of("comments", CONTENT_METRIC_DAILY.COMMENTS, ContentMetrics::comments),
                    of("shares", CONTENT_METRIC_DAILY.SHARES, ContentMetrics::shares),
                    of("saves", CONTENT_METRIC_DAILY.SAVES, ContentMetrics::saves),
                    of("profileVisits", CONTENT_METRIC_DAILY.PROFILE_VISITS, ContentMetrics::profileVisits),
                    of("linkClicks", CONTENT_METRIC_DAILY.LINK_CLICKS, ContentMetrics::linkClicks),
                    of("productClicks", CONTENT_METRIC_DAILY.PRODUCT_CLICKS, ContentMetrics::productClicks),
                    of("watchTimeSeconds", CONTENT_METRIC_DAILY.WATCH_TIME_SECONDS, ContentMetrics::watchTimeSeconds),
                    of("completionRate", CONTENT_METRIC_DAILY.COMPLETION_RATE, ContentMetrics::completionRate),
                    of("followersGained", CONTENT_METRIC_DAILY.FOLLOWERS_GAINED, ContentMetrics::followersGained),
                    of("attributedGmv", CONTENT_METRIC_DAILY.ATTRIBUTED_GMV, r -> amount(r.attributedGmv())),
                    of("attributedGmv", CONTENT_METRIC_DAILY.GMV_CURRENCY, r -> code(r.attributedGmv())),
                    of("orders", CONTENT_METRIC_DAILY.ORDERS, ContentMetrics::orders),
                    of("unitsSold", CONTENT_METRIC_DAILY.UNITS_SOLD, ContentMetrics::unitsSold),
                    of("clickThroughRate", CONTENT_METRIC_DAILY.CLICK_THROUGH_RATE, ContentMetrics::clickThroughRate),
                    of("fetchedAt", CONTENT_METRIC_DAILY.FETCHED_AT, r -> utc(r.fetchedAt()))),
            List.of("platform", "contentId", "reportDate"),
            (r, v) -> {
                v.nonNegative("views", r.views());
                v.nonNegative("reach", r.reach());
                v.nonNegative("likes", r.likes());
                v.nonNegative("comments", r.comments());
                v.nonNegative("shares", r.shares());
                v.nonNegative("saves", r.saves());
                v.nonNegative("profileVisits", r.profileVisits());
                v.nonNegative("linkClicks", r.linkClicks());
                v.nonNegative("productClicks", r.productClicks());
                v.nonNegative("attributedGmv", r.attributedGmv());
                v.nonNegative("orders", r.orders());
                v.nonNegative("unitsSold", r.unitsSold());
                v.fraction("completionRate", r.completionRate());
                v.fraction("clickThroughRate", r.clickThroughRate());
            });

    static final RecordMapping<AccountMetrics> ACCOUNT_METRICS = new RecordMapping<>(AccountMetrics.class,
            ACCOUNT_METRIC_DAILY,
            List.of(of("platform", ACCOUNT_METRIC_DAILY.PLATFORM, AccountMetrics::platform),
                    of("accountId", ACCOUNT_METRIC_DAILY.ACCOUNT_ID, AccountMetrics::accountId),
                    of("reportDate", ACCOUNT_METRIC_DAILY.REPORT_DATE, AccountMetrics::reportDate),
                    of("followers", ACCOUNT_METRIC_DAILY.FOLLOWERS, AccountMetrics::followers),
                    of("followersGained", ACCOUNT_METRIC_DAILY.FOLLOWERS_GAINED, AccountMetrics::followersGained),
                    of("followersLost", ACCOUNT_METRIC_DAILY.FOLLOWERS_LOST, AccountMetrics::followersLost),
                    of("profileViews", ACCOUNT_METRIC_DAILY.PROFILE_VIEWS, AccountMetrics::profileViews),
                    of("videoViews", ACCOUNT_METRIC_DAILY.VIDEO_VIEWS, AccountMetrics::videoViews),
                    of("likes", ACCOUNT_METRIC_DAILY.LIKES, AccountMetrics::likes),
                    of("comments", ACCOUNT_METRIC_DAILY.COMMENTS, AccountMetrics::comments),
                    of("shares", ACCOUNT_METRIC_DAILY.SHARES, AccountMetrics::shares),
                    of("fetchedAt", ACCOUNT_METRIC_DAILY.FETCHED_AT, r -> utc(r.fetchedAt()))),
            List.of("platform", "accountId", "reportDate"),
            (r, v) -> {
                v.nonNegative("followers", r.followers());
                v.nonNegative("followersGained", r.followersGained());
                v.nonNegative("followersLost", r.followersLost());
                v.nonNegative("profileViews", r.profileViews());
                v.nonNegative("videoViews", r.videoViews());
            });

    static final RecordMapping<EmailCampaign> EMAIL_CAMPAIGNS = new RecordMapping<>(EmailCampaign.class, EMAIL_CAMPAIGN,
            List.of(of("platform", EMAIL_CAMPAIGN.PLATFORM, EmailCampaign::platform),
                    of("campaignId", EMAIL_CAMPAIGN.CAMPAIGN_ID, EmailCampaign::campaignId),
                    of("accountId", EMAIL_CAMPAIGN.ACCOUNT_ID, EmailCampaign::accountId),
                    of("name", EMAIL_CAMPAIGN.NAME, EmailCampaign::name),
                    of("subject", EMAIL_CAMPAIGN.SUBJECT, EmailCampaign::subject),
                    of("status", EMAIL_CAMPAIGN.STATUS, EmailCampaign::status),
                    of("sendTime", EMAIL_CAMPAIGN.SEND_TIME, r -> utc(r.sendTime())),
                    of("updatedAt", EMAIL_CAMPAIGN.UPDATED_AT, r -> utc(r.updatedAt()))),
            List.of("platform", "campaignId"), (r, v) -> { });

    static final RecordMapping<EmailCampaignMetrics> EMAIL_METRICS = new RecordMapping<>(EmailCampaignMetrics.class,
            EMAIL_CAMPAIGN_METRIC_DAILY,
            List.of(of("platform", EMAIL_CAMPAIGN_METRIC_DAILY.PLATFORM, EmailCampaignMetrics::platform),
                    of("campaignId", EMAIL_CAMPAIGN_METRIC_DAILY.CAMPAIGN_ID, EmailCampaignMetrics::campaignId),
                    of("reportDate", EMAIL_CAMPAIGN_METRIC_DAILY.REPORT_DATE, EmailCampaignMetrics::reportDate),
                    of("accountId", EMAIL_CAMPAIGN_METRIC_DAILY.ACCOUNT_ID, EmailCampaignMetrics::accountId),
                    of("counting", EMAIL_CAMPAIGN_METRIC_DAILY.COUNTING, r -> counting(r.counting())),
                    of("recipients", EMAIL_CAMPAIGN_METRIC_DAILY.RECIPIENTS, EmailCampaignMetrics::recipients),
                    of("delivered", EMAIL_CAMPAIGN_METRIC_DAILY.DELIVERED, EmailCampaignMetrics::delivered),
                    of("opens", EMAIL_CAMPAIGN_METRIC_DAILY.OPENS, EmailCampaignMetrics::opens),
                    of("uniqueOpens", EMAIL_CAMPAIGN_METRIC_DAILY.UNIQUE_OPENS, EmailCampaignMetrics::uniqueOpens),
                    of("clicks", EMAIL_CAMPAIGN_METRIC_DAILY.CLICKS, EmailCampaignMetrics::clicks),
                    of("uniqueClicks", EMAIL_CAMPAIGN_METRIC_DAILY.UNIQUE_CLICKS, EmailCampaignMetrics::uniqueClicks),
                    of("conversions", EMAIL_CAMPAIGN_METRIC_DAILY.CONVERSIONS, EmailCampaignMetrics::conversions),
                    of("conversionValue", EMAIL_CAMPAIGN_METRIC_DAILY.CONVERSION_VALUE, r -> amount(r.conversionValue())),
                    of("conversionValue", EMAIL_CAMPAIGN_METRIC_DAILY.CURRENCY, r -> code(r.conversionValue())),
                    of("unsubscribes", EMAIL_CAMPAIGN_METRIC_DAILY.UNSUBSCRIBES, EmailCampaignMetrics::unsubscribes),
                    of("bounces", EMAIL_CAMPAIGN_METRIC_DAILY.BOUNCES, EmailCampaignMetrics::bounces),
                    of("spamComplaints", EMAIL_CAMPAIGN_METRIC_DAILY.SPAM_COMPLAINTS, EmailCampaignMetrics::spamComplaints),
                    of("fetchedAt", EMAIL_CAMPAIGN_METRIC_DAILY.FETCHED_AT, r -> utc(r.fetchedAt()))),
            List.of("platform", "campaignId", "reportDate"),
            (r, v) -> {
                v.nonNegative("recipients", r.recipients());
                v.nonNegative("delivered", r.delivered());
                v.nonNegative("opens", r.opens());
                v.nonNegative("uniqueOpens", r.uniqueOpens());
                v.nonNegative("clicks", r.clicks());
                v.nonNegative("uniqueClicks", r.uniqueClicks());
                v.nonNegative("conversions", r.conversions());
                v.nonNegative("conversionValue", r.conversionValue());
                v.nonNegative("unsubscribes", r.unsubscribes());
                v.nonNegative("bounces", r.bounces());
                v.nonNegative("spamComplaints", r.spamComplaints());
            });

    private static final String[] ORDER_AMOUNTS = {"total", "subtotal", "discounts", "shipping", "tax", "refunded"};

    static final RecordMapping<SalesOrder> SALES_ORDERS = new RecordMapping<>(SalesOrder.class, SALES_ORDER,
            List.of(of("sourcePlatform", SALES_ORDER.SOURCE_PLATFORM, SalesOrder::sourcePlatform),
                    of("orderId", SALES_ORDER.ORDER_ID, SalesOrder::orderId),
                    of("storeId", SALES_ORDER.STORE_ID, SalesOrder::storeId),
                    of("orderNumber", SALES_ORDER.ORDER_NUMBER, SalesOrder::orderNumber),
                    of("createdAt", SALES_ORDER.CREATED_AT, r -> utc(r.createdAt())),
                    of("updatedAt", SALES_ORDER.UPDATED_AT, r -> utc(r.updatedAt())),
                    of("cancelledAt", SALES_ORDER.CANCELLED_AT, r -> utc(r.cancelledAt())),
                    of("financialStatus", SALES_ORDER.FINANCIAL_STATUS, SalesOrder::financialStatus),
                    of("fulfillmentStatus", SALES_ORDER.FULFILLMENT_STATUS, SalesOrder::fulfillmentStatus),
                    of("total", SALES_ORDER.CURRENCY, r -> code(r.total())),
                    of("subtotal", SALES_ORDER.SUBTOTAL, r -> amount(r.subtotal())),
                    of("discounts", SALES_ORDER.DISCOUNTS, r -> amount(r.discounts())),
                    of("shipping", SALES_ORDER.SHIPPING, r -> amount(r.shipping())),
                    of("tax", SALES_ORDER.TAX, r -> amount(r.tax())),
                    of("total", SALES_ORDER.TOTAL, r -> amount(r.total())),
                    of("refunded", SALES_ORDER.REFUNDED, r -> amount(r.refunded())),
                    of("customerKey", SALES_ORDER.CUSTOMER_KEY, r -> key(r.customerKey())),
                    of("utm", SALES_ORDER.UTM_SOURCE, r -> utm(r).source()),
                    of("utm", SALES_ORDER.UTM_MEDIUM, r -> utm(r).medium()),
                    of("utm", SALES_ORDER.UTM_CAMPAIGN, r -> utm(r).campaign()),
                    of("utm", SALES_ORDER.UTM_CONTENT, r -> utm(r).content()),
                    of("utm", SALES_ORDER.UTM_TERM, r -> utm(r).term()),
                    of("referringSite", SALES_ORDER.REFERRING_SITE, SalesOrder::referringSite),
                    of("landingPage", SALES_ORDER.LANDING_PAGE, SalesOrder::landingPage),
                    of("attributedContentId", SALES_ORDER.ATTRIBUTED_CONTENT_ID, SalesOrder::attributedContentId)),
            List.of("sourcePlatform", "orderId"),
            (r, v) -> {
                v.notBefore("updatedAt", r.updatedAt(), "createdAt", r.createdAt());
                v.notBefore("cancelledAt", r.cancelledAt(), "createdAt", r.createdAt());
                v.sameCurrency(ORDER_AMOUNTS, r.total(), r.subtotal(), r.discounts(), r.shipping(), r.tax(), r.refunded());
                v.nonNegative("total", r.total());
                v.nonNegative("subtotal", r.subtotal());
                v.nonNegative("discounts", r.discounts());
                v.nonNegative("shipping", r.shipping());
                v.nonNegative("tax", r.tax());
                v.nonNegative("refunded", r.refunded());
            });

    private static final String[] LINE_AMOUNTS = {"total", "unitPrice", "discount"};

    static final RecordMapping<OrderLine> ORDER_LINES = new RecordMapping<>(OrderLine.class, ORDER_LINE,
            List.of(of("sourcePlatform", ORDER_LINE.SOURCE_PLATFORM, OrderLine::sourcePlatform),
                    of("orderId", ORDER_LINE.ORDER_ID, OrderLine::orderId),
                    of("lineId", ORDER_LINE.LINE_ID, OrderLine::lineId),
                    of("sku", ORDER_LINE.SKU, OrderLine::sku),
                    of("productId", ORDER_LINE.PRODUCT_ID, OrderLine::productId),
                    of("variantId", ORDER_LINE.VARIANT_ID, OrderLine::variantId),
                    of("title", ORDER_LINE.TITLE, OrderLine::title),
                    of("quantity", ORDER_LINE.QUANTITY, OrderLine::quantity),
                    of("total", ORDER_LINE.CURRENCY, r -> code(r.total())),
                    of("unitPrice", ORDER_LINE.UNIT_PRICE, r -> amount(r.unitPrice())),
                    of("discount", ORDER_LINE.DISCOUNT, r -> amount(r.discount())),
                    of("total", ORDER_LINE.TOTAL, r -> amount(r.total()))),
            List.of("sourcePlatform", "orderId", "lineId"),
            (r, v) -> {
                if (r.quantity() < 0) {
                    v.add("quantity", "must not be negative, got " + r.quantity());
                }
                v.sameCurrency(LINE_AMOUNTS, r.total(), r.unitPrice(), r.discount());
                v.nonNegative("unitPrice", r.unitPrice());
                v.nonNegative("discount", r.discount());
                v.nonNegative("total", r.total());
            });

    static final RecordMapping<OrderRefund> ORDER_REFUNDS = new RecordMapping<>(OrderRefund.class, ORDER_REFUND,
            List.of(of("sourcePlatform", ORDER_REFUND.SOURCE_PLATFORM, OrderRefund::sourcePlatform),
                    of("orderId", ORDER_REFUND.ORDER_ID, OrderRefund::orderId),
                    of("refundId", ORDER_REFUND.REFUND_ID, OrderRefund::refundId),
                    of("createdAt", ORDER_REFUND.CREATED_AT, r -> utc(r.createdAt())),
                    of("amount", ORDER_REFUND.CURRENCY, r -> code(r.amount())),
                    of("amount", ORDER_REFUND.AMOUNT, r -> amount(r.amount())),
                    of("reason", ORDER_REFUND.REASON, OrderRefund::reason)),
            List.of("sourcePlatform", "orderId", "refundId"),
            (r, v) -> v.nonNegative("amount", r.amount()));

    static final RecordMapping<Touchpoint> TOUCHPOINTS = new RecordMapping<>(Touchpoint.class, TOUCHPOINT,
            List.of(of("sourcePlatform", TOUCHPOINT.SOURCE_PLATFORM, Touchpoint::sourcePlatform),
                    of("externalId", TOUCHPOINT.EXTERNAL_ID, Touchpoint::externalId),
                    of("customerKey", TOUCHPOINT.CUSTOMER_KEY, r -> key(r.customerKey())),
                    of("occurredAt", TOUCHPOINT.OCCURRED_AT, r -> utc(r.occurredAt())),
                    of("touchType", TOUCHPOINT.TOUCH_TYPE, Touchpoint::touchType),
                    of("channel", TOUCHPOINT.CHANNEL, Touchpoint::channel),
                    of("channelGroup", TOUCHPOINT.CHANNEL_GROUP, r -> group(r.channelGroup())),
                    of("source", TOUCHPOINT.SOURCE, Touchpoint::source),
                    of("medium", TOUCHPOINT.MEDIUM, Touchpoint::medium),
                    of("campaign", TOUCHPOINT.CAMPAIGN, r -> emptyAsNull(r.campaign())),
                    of("contentId", TOUCHPOINT.CONTENT_ID, r -> emptyAsNull(r.contentId()))),
            List.of("sourcePlatform", "externalId"),
            (r, v) -> {
                if (r.channel() != null && !r.channel().equals(r.channel().toLowerCase(java.util.Locale.ROOT))) {
                    v.add("channel", "is lower case by convention ('tiktok', 'email'), got '" + r.channel() + "'");
                }
            });

    static final RecordMapping<Conversion> CONVERSIONS = new RecordMapping<>(Conversion.class, CONVERSION,
            List.of(of("sourcePlatform", CONVERSION.SOURCE_PLATFORM, Conversion::sourcePlatform),
                    of("externalId", CONVERSION.EXTERNAL_ID, Conversion::externalId),
                    of("customerKey", CONVERSION.CUSTOMER_KEY, r -> key(r.customerKey())),
                    of("occurredAt", CONVERSION.OCCURRED_AT, r -> utc(r.occurredAt())),
                    of("revenue", CONVERSION.REVENUE, r -> amount(r.revenue())),
                    of("revenue", CONVERSION.CURRENCY, r -> code(r.revenue())),
                    of("conversionType", CONVERSION.CONVERSION_TYPE, Conversion::conversionType)),
            List.of("sourcePlatform", "externalId"),
            (r, v) -> v.nonNegative("revenue", r.revenue()));

    static final RecordMapping<IdentityLink> IDENTITY_LINKS = new RecordMapping<>(IdentityLink.class, IDENTITY_LINK,
            List.of(of("sourcePlatform", IDENTITY_LINK.SOURCE_PLATFORM, IdentityLink::sourcePlatform),
                    of("sourceUserId", IDENTITY_LINK.SOURCE_USER_ID, IdentityLink::sourceUserId),
                    of("customerKey", IDENTITY_LINK.CUSTOMER_KEY, r -> key(r.customerKey())),
                    of("linkedAt", IDENTITY_LINK.LINKED_AT, r -> utc(r.linkedAt()))),
            List.of("sourcePlatform", "sourceUserId"), (r, v) -> { });

    private static final Map<Class<?>, RecordMapping<?>> BY_TYPE = Map.ofEntries(
            entry(SOURCE_ACCOUNTS), entry(CONTENTS), entry(CONTENT_METRICS), entry(ACCOUNT_METRICS),
            entry(WebMappings.WEB_TRAFFIC), entry(WebMappings.WEB_QUALITY),
            entry(WebMappings.WEB_USERS), entry(WebMappings.WEB_PURCHASES), entry(EMAIL_CAMPAIGNS), entry(EMAIL_METRICS), entry(SALES_ORDERS), entry(ORDER_LINES),
            entry(ORDER_REFUNDS), entry(TOUCHPOINTS), entry(CONVERSIONS), entry(IDENTITY_LINKS));

    private Mappings() {
    }

    /** The mapping of a record kind. Every kind of the sealed {@link WarehouseRecord} has one. */
    @SuppressWarnings("unchecked")
    public static <R extends WarehouseRecord> RecordMapping<R> forType(Class<R> type) {
        return (RecordMapping<R>) Optional.ofNullable(BY_TYPE.get(type))
                .orElseThrow(() -> new IllegalStateException("no mapping for " + type.getName()));
    }

    /** The table a record kind is stored in. */
    public static Table<?> tableOf(Class<? extends WarehouseRecord> type) {
        return forType(type).table();
    }

    /** An instant as the warehouse stores it: a timestamp without zone, holding UTC. */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Map.Entry<Class<?>, RecordMapping<?>> entry(RecordMapping<?> mapping) {
        return Map.entry(mapping.type(), mapping);
    }

    static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }

    static String code(Money money) {
        return money == null ? null : money.currencyCode();
    }

    private static String key(CustomerKey key) {
        return key == null ? null : key.value();
    }

    static String group(ChannelGroup group) {
        return group == null ? null : group.name();
    }

    private static String counting(Counting counting) {
        return counting == null ? null : counting.sqlValue();
    }

    private static Utm utm(SalesOrder order) {
        return order.utm() == null ? Utm.NONE : order.utm();
    }

    static String notSet(String value) {
        return value == null || value.isBlank() ? TrafficSource.NOT_SET : value;
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

}
