package org.unifiedanalytics.connect.http;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The next-page token of the common paging styles, read from a response, for a stream's
 * {@link org.unifiedanalytics.connect.stream.Page}:
 *
 * <pre>{@code
 * JsonNode body = api.getJson("/v1/orders", Map.of("cursor", token.orElse("")));
 * return new Page(records(body), Pagination.cursor(body, "/data/cursor", "/data/has_more"));   // TikTok style
 * return new Page(records(body), Pagination.nextLink(body, "/links/next"));                   // Klaviyo style
 * return new Page(records(body), Pagination.offset(offset, limit, body.path("rowCount").asLong()));  // GA4 style
 * }</pre>
 */
public final class Pagination {
    private Pagination() {
    }

    /** A cursor at {@code cursorPointer}, when the flag at {@code hasMorePointer} is true. */
    public static Optional<String> cursor(JsonNode body, String cursorPointer, String hasMorePointer) {
        JsonNode more = body.at(hasMorePointer);
        JsonNode cursor = body.at(cursorPointer);
        if (!more.asBoolean(false) || cursor.isMissingNode() || cursor.isNull() || cursor.asText().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cursor.asText());
    }

    /** The URL of the next page at {@code pointer}, used byte for byte (never re-encoded), or empty when absent or null. */
    public static Optional<String> nextLink(JsonNode body, String pointer) {
        JsonNode link = body.at(pointer);
        return link.isTextual() && !link.asText().isEmpty() ? Optional.of(link.asText()) : Optional.empty();
    }

    /** The next offset while {@code offset + limit < total}. */
    public static Optional<String> offset(long offset, long limit, long total) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return offset + limit < total ? Optional.of(String.valueOf(offset + limit)) : Optional.empty();
    }
}
