package org.unifiedanalytics.model.derive;

import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;
import static org.unifiedanalytics.model.schema.Tables.WEB_PURCHASE_SESSION;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.MarketingChannel;

/**
 * Turns the sessions a web-analytics platform saw purchases in into touchpoints of the stores' customers: a
 * purchase whose transaction id is a store order (its id, or its number with or without {@code #}) whose customer
 * the store knows becomes a {@code session} touch of that customer, from the session's source, medium and
 * campaign, dated at the purchase's minute and never at or after the order (attribution credits touches before
 * a conversion). A session the store already recorded on the same channel within the half hour before the order
 * (a Shopify journey's last visit) is not counted twice. Purchases whose order is unknown stay untouched until a
 * later run finds it: the platform never says who the visitor was, and no key is made up.
 *
 * <pre>{@code
 * int linked = PurchaseSessionTouchpoints.on(warehouse).refresh();   // idempotent; the runtime calls it after each sync
 * }</pre>
 */
public final class PurchaseSessionTouchpoints {
    /** How close before the order a store's own touch on the same channel is taken for the same session. */
    static final Duration SAME_SESSION = Duration.ofMinutes(30);

    private final Warehouse warehouse;

    private PurchaseSessionTouchpoints(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public static PurchaseSessionTouchpoints on(Warehouse warehouse) {
        return new PurchaseSessionTouchpoints(Objects.requireNonNull(warehouse, "warehouse"));
    }

    /** Writes the touchpoints of purchases newly matched to known customers; returns how many. */
    public int refresh() {
        DSLContext dsl = warehouse.dsl();
        var ws = WEB_PURCHASE_SESSION;
        var o = SALES_ORDER;
        var t = TOUCHPOINT;
        var rows = dsl.select(ws.PLATFORM, ws.PROPERTY_ID, ws.TRANSACTION_ID, ws.PURCHASED_AT, ws.SOURCE, ws.MEDIUM, ws.CAMPAIGN,
                        ws.CHANNEL_GROUP, o.CUSTOMER_KEY, o.CREATED_AT)
                .from(ws).join(o).on(o.ORDER_ID.eq(ws.TRANSACTION_ID).or(o.ORDER_NUMBER.eq(ws.TRANSACTION_ID))
                        .or(o.ORDER_NUMBER.eq(DSL.inline("#").concat(ws.TRANSACTION_ID))))
                .where(o.CUSTOMER_KEY.isNotNull())
                .andNotExists(DSL.selectOne().from(t).where(t.SOURCE_PLATFORM.eq(ws.PLATFORM),
                        t.EXTERNAL_ID.eq(ws.PROPERTY_ID.concat(DSL.inline(":")).concat(ws.TRANSACTION_ID))))
                .fetch();
        List<Touchpoint> touches = new ArrayList<>();
        for (var row : rows) {
            Instant ordered = row.value10().toInstant(ZoneOffset.UTC);
            Instant purchased = row.value4().toInstant(ZoneOffset.UTC);
            Instant at = purchased.isBefore(ordered) ? purchased : ordered.minusSeconds(1);
            String source = row.value5();
            String medium = row.value6();
            String channel = MarketingChannel.of(source, medium);
            boolean seen = dsl.fetchExists(t, t.CUSTOMER_KEY.eq(row.value9()), t.CHANNEL.eq(channel),
                    t.OCCURRED_AT.ge(LocalDateTime.ofInstant(ordered.minus(SAME_SESSION), ZoneOffset.UTC)),
                    t.OCCURRED_AT.lt(LocalDateTime.ofInstant(ordered, ZoneOffset.UTC)));
            if (seen) {
                continue;
            }
            String campaign = row.value7();
            touches.add(new Touchpoint(row.value1(), row.value2() + ":" + row.value3(), CustomerKey.of(row.value9()), at,
                    "session", channel, ChannelGroup.of(row.value8()), source, medium,
                    "(not set)".equals(campaign) ? null : campaign, null));
        }
        if (!touches.isEmpty()) {
            warehouse.write(touches);
        }
        return touches.size();
    }
}
