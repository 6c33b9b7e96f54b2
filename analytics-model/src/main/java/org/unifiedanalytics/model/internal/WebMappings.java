package org.unifiedanalytics.model.internal;

import static org.unifiedanalytics.model.internal.Column.of;
import static org.unifiedanalytics.model.schema.Tables.WEB_PURCHASE_SESSION;
import static org.unifiedanalytics.model.schema.Tables.WEB_REPORT_QUALITY;
import static org.unifiedanalytics.model.schema.Tables.WEB_TRAFFIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.WEB_USER_TOTALS;

import java.util.List;

import org.unifiedanalytics.model.records.WebPurchaseSession;
import org.unifiedanalytics.model.records.WebReportQuality;
import org.unifiedanalytics.model.records.WebTraffic;
import org.unifiedanalytics.model.records.WebUserTotals;

/** The mappings of the web-analytics kinds (traffic, report quality, user totals, purchase sessions) to their tables. */
final class WebMappings {

    static final RecordMapping<WebTraffic> WEB_TRAFFIC = new RecordMapping<>(WebTraffic.class, WEB_TRAFFIC_DAILY,
            List.of(of("platform", WEB_TRAFFIC_DAILY.PLATFORM, WebTraffic::platform),
                    of("propertyId", WEB_TRAFFIC_DAILY.PROPERTY_ID, WebTraffic::propertyId),
                    of("reportDate", WEB_TRAFFIC_DAILY.REPORT_DATE, WebTraffic::reportDate),
                    of("source", WEB_TRAFFIC_DAILY.SOURCE, r -> Mappings.notSet(r.source())),
                    of("medium", WEB_TRAFFIC_DAILY.MEDIUM, r -> Mappings.notSet(r.medium())),
                    of("campaign", WEB_TRAFFIC_DAILY.CAMPAIGN, r -> Mappings.notSet(r.campaign())),
                    of("landingPage", WEB_TRAFFIC_DAILY.LANDING_PAGE, r -> Mappings.notSet(r.landingPage())),
                    of("channelGroup", WEB_TRAFFIC_DAILY.CHANNEL_GROUP, r -> Mappings.group(r.channelGroup())),
                    of("platformChannelGroup", WEB_TRAFFIC_DAILY.PLATFORM_CHANNEL_GROUP, WebTraffic::platformChannelGroup),
                    of("sessions", WEB_TRAFFIC_DAILY.SESSIONS, WebTraffic::sessions),
                    of("users", WEB_TRAFFIC_DAILY.USERS, WebTraffic::users),
                    of("newUsers", WEB_TRAFFIC_DAILY.NEW_USERS, WebTraffic::newUsers),
                    of("pageViews", WEB_TRAFFIC_DAILY.PAGE_VIEWS, WebTraffic::pageViews),
                    of("engagedSessions", WEB_TRAFFIC_DAILY.ENGAGED_SESSIONS, WebTraffic::engagedSessions),
                    of("avgSessionDurationSeconds", WEB_TRAFFIC_DAILY.AVG_SESSION_DURATION_SECONDS,
                            WebTraffic::avgSessionDurationSeconds),
                    of("bounceRate", WEB_TRAFFIC_DAILY.BOUNCE_RATE, WebTraffic::bounceRate),
                    of("addToCarts", WEB_TRAFFIC_DAILY.ADD_TO_CARTS, WebTraffic::addToCarts),
                    of("checkouts", WEB_TRAFFIC_DAILY.CHECKOUTS, WebTraffic::checkouts),
                    of("purchases", WEB_TRAFFIC_DAILY.PURCHASES, WebTraffic::purchases),
                    of("revenue", WEB_TRAFFIC_DAILY.REVENUE, r -> Mappings.amount(r.revenue())),
                    of("revenue", WEB_TRAFFIC_DAILY.CURRENCY, r -> Mappings.code(r.revenue())),
                    of("keyEvents", WEB_TRAFFIC_DAILY.KEY_EVENTS, WebTraffic::keyEvents),
                    of("fetchedAt", WEB_TRAFFIC_DAILY.FETCHED_AT, r -> Mappings.utc(r.fetchedAt()))),
            List.of("platform", "propertyId", "reportDate", "source", "medium", "campaign", "landingPage"),
            (r, v) -> {
                v.nonNegative("sessions", r.sessions());
                v.nonNegative("users", r.users());
                v.nonNegative("newUsers", r.newUsers());
                v.nonNegative("pageViews", r.pageViews());
                v.nonNegative("engagedSessions", r.engagedSessions());
                v.nonNegative("addToCarts", r.addToCarts());
                v.nonNegative("checkouts", r.checkouts());
                v.nonNegative("purchases", r.purchases());
                v.nonNegative("revenue", r.revenue());
                v.fraction("bounceRate", r.bounceRate());
                v.nonNegative("keyEvents", r.keyEvents());
                if (r.sessions() != null && r.engagedSessions() != null && r.engagedSessions() > r.sessions()) {
                    v.add("engagedSessions", "exceeds sessions (" + r.engagedSessions() + " > " + r.sessions() + ")");
                }
            });

    static final RecordMapping<WebReportQuality> WEB_QUALITY = new RecordMapping<>(WebReportQuality.class,
            WEB_REPORT_QUALITY,
            List.of(of("platform", WEB_REPORT_QUALITY.PLATFORM, WebReportQuality::platform),
                    of("propertyId", WEB_REPORT_QUALITY.PROPERTY_ID, WebReportQuality::propertyId),
                    of("reportDate", WEB_REPORT_QUALITY.REPORT_DATE, WebReportQuality::reportDate),
                    of("report", WEB_REPORT_QUALITY.REPORT, WebReportQuality::report),
                    of("timeZone", WEB_REPORT_QUALITY.TIME_ZONE, r -> r.timeZone() == null ? null : r.timeZone().getId()),
                    of("currency", WEB_REPORT_QUALITY.CURRENCY, r -> r.currency() == null ? null : r.currency().getCurrencyCode()),
                    of("dataLossFromOtherRow", WEB_REPORT_QUALITY.DATA_LOSS_FROM_OTHER_ROW, WebReportQuality::dataLossFromOtherRow),
                    of("subjectToThresholding", WEB_REPORT_QUALITY.SUBJECT_TO_THRESHOLDING, WebReportQuality::subjectToThresholding),
                    of("sampled", WEB_REPORT_QUALITY.SAMPLED, WebReportQuality::sampled),
                    of("samplesReadCount", WEB_REPORT_QUALITY.SAMPLES_READ_COUNT, WebReportQuality::samplesReadCount),
                    of("samplingSpaceSize", WEB_REPORT_QUALITY.SAMPLING_SPACE_SIZE, WebReportQuality::samplingSpaceSize),
                    of("fetchedAt", WEB_REPORT_QUALITY.FETCHED_AT, r -> Mappings.utc(r.fetchedAt()))),
            List.of("platform", "propertyId", "reportDate", "report"),
            (r, v) -> {
                v.nonNegative("samplesReadCount", r.samplesReadCount());
                v.nonNegative("samplingSpaceSize", r.samplingSpaceSize());
            });

    static final RecordMapping<WebPurchaseSession> WEB_PURCHASES = new RecordMapping<>(WebPurchaseSession.class,
            WEB_PURCHASE_SESSION,
            List.of(of("platform", WEB_PURCHASE_SESSION.PLATFORM, WebPurchaseSession::platform),
                    of("propertyId", WEB_PURCHASE_SESSION.PROPERTY_ID, WebPurchaseSession::propertyId),
                    of("transactionId", WEB_PURCHASE_SESSION.TRANSACTION_ID, WebPurchaseSession::transactionId),
                    of("purchasedAt", WEB_PURCHASE_SESSION.PURCHASED_AT, r -> Mappings.utc(r.purchasedAt())),
                    of("source", WEB_PURCHASE_SESSION.SOURCE, r -> Mappings.notSet(r.source())),
                    of("medium", WEB_PURCHASE_SESSION.MEDIUM, r -> Mappings.notSet(r.medium())),
                    of("campaign", WEB_PURCHASE_SESSION.CAMPAIGN, r -> Mappings.notSet(r.campaign())),
                    of("channelGroup", WEB_PURCHASE_SESSION.CHANNEL_GROUP, r -> Mappings.group(r.channelGroup())),
                    of("platformChannelGroup", WEB_PURCHASE_SESSION.PLATFORM_CHANNEL_GROUP, WebPurchaseSession::platformChannelGroup),
                    of("revenue", WEB_PURCHASE_SESSION.REVENUE, r -> Mappings.amount(r.revenue())),
                    of("revenue", WEB_PURCHASE_SESSION.CURRENCY, r -> Mappings.code(r.revenue())),
                    of("fetchedAt", WEB_PURCHASE_SESSION.FETCHED_AT, r -> Mappings.utc(r.fetchedAt()))),
            List.of("platform", "propertyId", "transactionId"),
            (r, v) -> v.nonNegative("revenue", r.revenue()));

    static final RecordMapping<WebUserTotals> WEB_USERS = new RecordMapping<>(WebUserTotals.class, WEB_USER_TOTALS,
            List.of(of("platform", WEB_USER_TOTALS.PLATFORM, WebUserTotals::platform),
                    of("propertyId", WEB_USER_TOTALS.PROPERTY_ID, WebUserTotals::propertyId),
                    of("periodStart", WEB_USER_TOTALS.PERIOD_START, WebUserTotals::periodStart),
                    of("periodEnd", WEB_USER_TOTALS.PERIOD_END, WebUserTotals::periodEnd),
                    of("totalUsers", WEB_USER_TOTALS.TOTAL_USERS, WebUserTotals::totalUsers),
                    of("newUsers", WEB_USER_TOTALS.NEW_USERS, WebUserTotals::newUsers),
                    of("activeUsers", WEB_USER_TOTALS.ACTIVE_USERS, WebUserTotals::activeUsers),
                    of("fetchedAt", WEB_USER_TOTALS.FETCHED_AT, r -> Mappings.utc(r.fetchedAt()))),
            List.of("platform", "propertyId", "periodStart", "periodEnd"),
            (r, v) -> {
                v.nonNegative("totalUsers", r.totalUsers());
                v.nonNegative("newUsers", r.newUsers());
                v.nonNegative("activeUsers", r.activeUsers());
                if (r.periodStart() != null && r.periodEnd() != null && r.periodEnd().isBefore(r.periodStart())) {
                    v.add("periodEnd", "is before periodStart (" + r.periodEnd() + " < " + r.periodStart() + ")");
                }
            });

    private WebMappings() {
    }
}
