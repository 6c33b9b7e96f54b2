package org.unifiedanalytics.connector.sales.shopify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.WarehouseRecord;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Orders updated in {@code [since, until)}, by {@code updatedAt} (the only cursor: refunds and edits bump
 * it). A range longer than {@code bulk_after_days} (a backfill, a first sync) is exported by a bulk operation
 * and read from its result a page at a time; page tokens {@code bulk:<operation id>:<position>} let a killed
 * run resume in the same result. Shorter ranges, or a shop that runs no more bulk queries now, are read by
 * pages ({@link ShopifyOrderPages}).
 */
final class ShopifyOrdersStream implements CursorStream {
    private static final String BULK = "bulk:";

    private final ShopifyOrderPages pages;
    private final ShopifyBulkExport bulk;
    private final Duration bulkAfter;
    private final int pageSize;
    private final Logger logger;
    private ShopifyBulkResult result;

    /** @param bulkAfter ranges longer than this are exported in bulk; zero never */
    ShopifyOrdersStream(ShopifyOrderPages pages, ShopifyBulkExport bulk, Duration bulkAfter, int pageSize, Logger logger) {
        this.pages = pages;
        this.bulk = bulk;
        this.bulkAfter = bulkAfter;
        this.pageSize = pageSize;
        this.logger = logger;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return ShopifyOrderRecords.KINDS;
    }

    @Override
    public Duration overlap() {
        return Duration.ofMinutes(5);
    }

    @Override
    public Page readChanges(String shop, Instant since, Instant until, Optional<String> pageToken) {
        String search = "updated_at:>='" + since + "' AND updated_at:<'" + until + "'";
        if (pageToken.isPresent() && pageToken.get().startsWith(BULK)) {
            String token = pageToken.get();
            int colon = token.lastIndexOf(':');
            return bulkPage(shop, search, token.substring(BULK.length(), colon), Integer.parseInt(token.substring(colon + 1)));
        }
        if (pageToken.isEmpty() && !bulkAfter.isZero() && Duration.between(since, until).compareTo(bulkAfter) > 0) {
            try {
                return bulkPage(shop, search, bulk.start(search), 0);
            } catch (ShopifyBulkExport.Busy busy) {
                logger.warn("{}; reading orders of {} by pages instead", busy.getMessage(), shop);
            }
        }
        return pages.read(shop, search, pageToken);
    }

    private Page bulkPage(String shop, String search, String operation, int position) {
        if (result == null || !result.operationId().equals(operation)) {
            closeResult();
            try {
                result = bulk.await(operation).orElse(null);
            } catch (ShopifyBulkExport.Gone gone) {
                // the result of an interrupted run has expired: export again, from the start (upserts make re-reading safe)
                logger.warn("{}; exporting the orders of {} again", gone.getMessage(), shop);
                return bulkPage(shop, search, bulk.start(search), 0);
            }
            if (result == null) {
                return Page.last(List.of());
            }
        }
        int end = Math.min(position + pageSize, result.orderCount());
        List<WarehouseRecord> records = new ArrayList<>();
        for (int i = position; i < end; i++) {
            JsonNode order = result.order(i);
            if (!order.path("test").asBoolean(false)) {
                records.addAll(ShopifyOrderRecords.of(shop, order));
            }
        }
        if (end < result.orderCount()) {
            return Page.more(records, BULK + operation + ":" + end);
        }
        closeResult();
        return Page.last(records);
    }

    /** Removes the bulk result being read, if any. */
    void closeResult() {
        if (result != null) {
            result.close();
            result = null;
        }
    }
}
