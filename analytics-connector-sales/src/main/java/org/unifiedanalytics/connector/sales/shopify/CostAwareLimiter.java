package org.unifiedanalytics.connector.sales.shopify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Paces GraphQL queries by Shopify's calculated-cost leaky bucket, fed by each answer's
 * {@code extensions.cost.throttleStatus}: before a query, it waits until the bucket should hold the
 * query's expected cost, so the connector slows down instead of running into THROTTLED.
 */
final class CostAwareLimiter {
    private double available = Double.MAX_VALUE;
    private double maximum = Double.MAX_VALUE;
    private double restorePerSecond = 50;
    private long seenAtNanos = System.nanoTime();
    private double expectedCost = 50;

    /** Waits, if need be, until the bucket holds the expected cost of the next query. */
    synchronized void beforeQuery() throws InterruptedException {
        double now = available + (System.nanoTime() - seenAtNanos) / 1e9 * restorePerSecond;
        double needed = Math.min(expectedCost, maximum) - Math.min(now, maximum);
        if (needed > 0) {
            Thread.sleep((long) Math.ceil(needed / restorePerSecond * 1000));
        }
    }

    /** Learns the bucket's state and the query's cost from an answer's {@code extensions}. */
    synchronized void observe(JsonNode extensions) {
        JsonNode cost = extensions.path("cost");
        JsonNode status = cost.path("throttleStatus");
        if (status.isMissingNode()) {
            return;
        }
        available = status.path("currentlyAvailable").asDouble(available);
        maximum = status.path("maximumAvailable").asDouble(maximum);
        restorePerSecond = Math.max(0.1, status.path("restoreRate").asDouble(restorePerSecond));
        seenAtNanos = System.nanoTime();
        if (cost.hasNonNull("requestedQueryCost")) {
            expectedCost = cost.path("requestedQueryCost").asDouble(expectedCost);
        }
    }
}
