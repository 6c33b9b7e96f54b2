package org.unifiedanalytics.connector.sales.shopify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.unifiedanalytics.connect.http.ApiClient;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Exports the orders matching a search with a bulk operation, for ranges too long to page through:
 * {@code bulkOperationRunQuery} starts it, {@code node(id:)} is polled until it is {@code COMPLETED}, and the
 * JSONL result is downloaded from its signed URL, without the access token (the file lives on another
 * host), and checked against the size Shopify reports.
 */
final class ShopifyBulkExport {
    static final String RUN = "mutation RunBulkQuery($query: String!) { bulkOperationRunQuery(query: $query) {"
            + " bulkOperation { id status } userErrors { field message code } } }";
    static final String STATUS = "query BulkOperationStatus($id: ID!) { node(id: $id) { ... on BulkOperation { id status errorCode"
            + " objectCount fileSize url } } }";
    /** The user-error codes that mean "too many bulk queries running": the caller may page instead. */
    private static final Set<String> BUSY = Set.of("OPERATION_IN_PROGRESS", "LIMIT_REACHED");
    private static final int DOWNLOAD_ATTEMPTS = 3;

    /** Shopify runs as many bulk queries for this app and shop as it allows. */
    static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Busy(String message) {
            super(message);
        }
    }

    /** The operation's result is gone (expired after seven days, or the operation was canceled or failed). */
    static final class Gone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Gone(String message) {
            super(message);
        }
    }

    private final ShopifyConnector connector;
    private final ApiClient downloads;
    private final Duration pollInterval;
    private final Duration timeout;

    ShopifyBulkExport(ShopifyConnector connector, ApiClient downloads, Duration pollInterval, Duration timeout) {
        this.connector = connector;
        this.downloads = downloads;
        this.pollInterval = pollInterval;
        this.timeout = timeout;
    }

    /** The bulk query for the orders matching a Shopify search, with every line item. */
    static String query(String search) {
        return "{ orders(query: " + quoted(search) + ", sortKey: UPDATED_AT) { edges { node { " + ShopifyOrderFields.ORDER
                + " lineItems { edges { node { " + ShopifyOrderFields.LINE_ITEM + " } } } } } } }";
    }

    /** Starts the export; the operation's id. */
    String start(String search) {
        ObjectNode variables = connector.api().objectMapper().createObjectNode().put("query", query(search));
        JsonNode run = connector.graphql(RUN, variables).path("bulkOperationRunQuery");
        JsonNode errors = run.path("userErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            List<String> messages = new ArrayList<>();
            boolean busy = false;
            for (JsonNode error : errors) {
                messages.add(error.path("message").asText());
                busy |= BUSY.contains(error.path("code").asText()) || error.path("message").asText().contains("in progress");
            }
            if (busy) {
                throw new Busy("Shopify runs no more bulk queries for this app now: " + String.join("; ", messages));
            }
            throw new ApiException.ClientError("Shopify refused the bulk query: " + String.join("; ", messages),
                    "bulkOperationRunQuery", 200);
        }
        return run.path("bulkOperation").path("id").asText();
    }

    /** Waits for the operation and downloads its result; empty when it found no orders. */
    Optional<ShopifyBulkResult> await(String id) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode operation = connector.graphql(STATUS, connector.api().objectMapper().createObjectNode().put("id", id)).path("node");
            String status = operation.path("status").asText("MISSING");
            switch (status) {
                case "COMPLETED" -> {
                    return operation.hasNonNull("url") ? Optional.of(download(id, operation)) : Optional.empty();
                }
                case "CREATED", "RUNNING" -> {
                    if (System.nanoTime() > deadline) {
                        throw new ApiException("Shopify bulk operation " + id + " is still " + status + " after " + timeout
                                + " (" + operation.path("objectCount").asText("?") + " objects so far)", "node(id:)", 200, false, null);
                    }
                    sleep();
                }
                case "EXPIRED", "CANCELED", "CANCELING" -> throw new Gone("Shopify bulk operation " + id + " is " + status);
                default -> throw new ApiException("Shopify bulk operation " + id + " ended " + status + " (error code "
                        + operation.path("errorCode").asText("none") + ")", "node(id:)", 200, false, null);
            }
        }
    }

    private ShopifyBulkResult download(String id, JsonNode operation) {
        ApiRequest request = ApiRequest.get(operation.path("url").asText()).header("Accept", "*/*").build();
        long expected = operation.path("fileSize").asLong(-1);
        try {
            Path file = Files.createTempFile("shopify-bulk-", ".jsonl");
            file.toFile().deleteOnExit();
            long size = -1;
            for (int attempt = 1; attempt <= DOWNLOAD_ATTEMPTS; attempt++) {
                downloads.download(request, file);
                size = Files.size(file);
                if (expected < 0 || size == expected) {
                    return ShopifyBulkResult.index(id, file, connector.api().objectMapper());
                }
            }
            Files.deleteIfExists(file);
            throw new ApiException.Transport("the result of Shopify bulk operation " + id + " arrived with " + size + " of "
                    + expected + " bytes, " + DOWNLOAD_ATTEMPTS + " times", downloads.describe(request), null);
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file for the result of Shopify bulk operation " + id, e);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a Shopify bulk operation", e);
        }
    }

    /** A GraphQL string literal. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
