package org.unifiedanalytics.model.records;

/**
 * A record of the unified model: what connectors emit and the warehouse's writers store. Each kind
 * has a natural key; writing a record whose key is already stored updates that row.
 *
 * <p>Records are plain values: the writer validates a whole batch before it writes any of it, and
 * reports every problem with the record's {@link #describe() description} and the field's name.
 */
public sealed interface WarehouseRecord permits SourceAccount, Content, ContentMetrics, AccountMetrics, WebTraffic,
        WebReportQuality, WebUserTotals, WebPurchaseSession, EmailCampaign, EmailCampaignMetrics, SalesOrder, OrderLine, OrderRefund, Touchpoint, Conversion,
        IdentityLink {

    /** The kind and natural key of this record, for messages: {@code SalesOrder[shopify/1001]}. */
    String describe();
}
