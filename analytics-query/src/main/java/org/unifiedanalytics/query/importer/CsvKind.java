package org.unifiedanalytics.query.importer;

import java.util.List;

/**
 * The CSV files the importer reads, with their columns. A header row is required; columns may come in any
 * order; an empty field is NULL; instants are ISO-8601 UTC ending in {@code Z}
 * ({@code 2024-05-01T10:00:00Z}, up to microseconds); money is a decimal with at most 4 places.
 */
public enum CsvKind {
    /**
     * {@code touchpoint_id, customer_key, occurred_at, touch_type, channel} required; {@code source, medium,
     * campaign, content_id, channel_group} optional (a missing channel group is classified from source,
     * medium and campaign by GA4's default rules). {@code touchpoint_id} is kept: it breaks ties between
     * touches at the same instant.
     */
    TOUCHPOINTS(List.of("touchpoint_id", "customer_key", "occurred_at", "touch_type", "channel"),
            List.of("source", "medium", "campaign", "content_id", "channel_group")),
    /** {@code conversion_id, occurred_at, revenue, currency} required; {@code customer_key} optional (empty: a guest). */
    CONVERSIONS(List.of("conversion_id", "occurred_at", "revenue", "currency"), List.of("customer_key")),
    /**
     * {@code source_platform, order_id, created_at, currency, total} required; {@code order_number, updated_at,
     * subtotal, discounts, shipping, tax, refunded, customer_key, utm_source, utm_medium, utm_campaign,
     * utm_content, utm_term, referring_site, landing_page} optional. Each order is also a conversion at its
     * net revenue (total less refunded).
     */
    ORDERS(List.of("source_platform", "order_id", "created_at", "currency", "total"),
            List.of("order_number", "updated_at", "subtotal", "discounts", "shipping", "tax", "refunded", "customer_key",
                    "utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "referring_site", "landing_page"));

    private final List<String> required;
    private final List<String> optional;

    CsvKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }
}
