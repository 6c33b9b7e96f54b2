package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/** Touches and conversions written in the order given, so touchpoint ids follow that order. */
final class AttributionFixture {
    private final List<WarehouseRecord> records = new ArrayList<>();
    private int touches;
    private int conversions;

    AttributionFixture touch(String customer, String at, String channel) {
        return touch(customer, at, channel, null, null);
    }

    AttributionFixture touch(String customer, String at, String channel, String campaign, String contentId) {
        return event(customer, at, "session", channel, campaign, contentId);
    }

    /** A touch of a given type, for funnels. */
    AttributionFixture event(String customer, String at, String touchType, String channel) {
        return event(customer, at, touchType, channel, null, null);
    }

    private AttributionFixture event(String customer, String at, String touchType, String channel, String campaign,
                                     String contentId) {
        return event(customer, at, touchType, channel, ChannelGroup.UNASSIGNED, campaign, contentId);
    }

    /** A touch of a given type and channel group, for funnel breakdowns. */
    AttributionFixture event(String customer, String at, String touchType, String channel, ChannelGroup group) {
        return event(customer, at, touchType, channel, group, null, null);
    }

    private AttributionFixture event(String customer, String at, String touchType, String channel, ChannelGroup group,
                                     String campaign, String contentId) {
        records.add(new Touchpoint("test", "t" + (++touches), CustomerKey.of(customer), Instant.parse(at), touchType,
                channel, group, null, null, campaign, contentId));
        return this;
    }

    AttributionFixture conversion(String customer, String at, String revenue) {
        return conversion(customer, at, revenue, "EUR");
    }

    AttributionFixture conversion(String customer, String at, String revenue, String currency) {
        records.add(new Conversion("test", "c" + (++conversions), customer == null ? null : CustomerKey.of(customer),
                Instant.parse(at), Money.of(new BigDecimal(revenue), currency), "order"));
        return this;
    }

    void writeTo(Warehouse warehouse) {
        // Touches one by one in order: their ids break ties between equal timestamps.
        for (WarehouseRecord record : records) {
            if (record instanceof Touchpoint) {
                warehouse.write(List.of(record));
            }
        }
        warehouse.write(records.stream().filter(r -> r instanceof Conversion).toList());
    }
}
