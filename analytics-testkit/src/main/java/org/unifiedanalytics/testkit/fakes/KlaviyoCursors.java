package org.unifiedanalytics.testkit.fakes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.RecordedRequest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Klaviyo's cursor paging in the fake: {@code links.next} carries an opaque cursor bound to its resource, its
 * query (less the cursor) and an epoch, so a cursor that was altered, reused with another filter or invalidated
 * is refused with "Invalid cursor provided.", as Klaviyo refuses a stale one.
 */
final class KlaviyoCursors {
    /** The rows {@code [from, to)} of {@code total} a request gets, or the error that refuses its cursor. */
    record Page(int from, int to, int total, FakeResponse error) {
    }

    private final String baseUrl;
    private volatile int cursorEpoch;

    KlaviyoCursors(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Every cursor handed out so far is refused from now on. */
    void invalidate() {
        cursorEpoch++;
    }


    /** The page a request asks for: from its opaque cursor, refused when altered, stale or from another query. */
    Page page(RecordedRequest request, int total, int size) {
        String cursor = request.queryParameter("page[cursor]").orElse(null);
        int from = 0;
        if (cursor != null) {
            String decoded;
            try {
                decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            String[] parts = decoded.split("\\|");
            if (parts.length != 4 || !parts[0].equals(resource(request)) || !parts[2].equals(String.valueOf(cursorEpoch))
                    || !parts[3].equals(fingerprint(request))) {
                return new Page(0, 0, total, FakeKlaviyoApi.error(400, "invalid", "Invalid input.", "Invalid cursor provided."));
            }
            from = Integer.parseInt(parts[1]);
        }
        return new Page(Math.min(from, total), Math.min(from + size, total), total, null);
    }

    void links(ObjectNode body, RecordedRequest request, Page page) {
        ObjectNode links = body.putObject("links");
        String self = baseUrl + request.path() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
        links.put("self", self);
        if (page.to() < page.total()) {
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString((resource(request) + "|"
                    + page.to() + "|" + cursorEpoch + "|" + fingerprint(request)).getBytes(StandardCharsets.UTF_8));
            String query = request.rawQuery() == null ? "" : request.rawQuery().replaceAll("(^|&)page%5Bcursor%5D=[^&]*", "")
                    .replaceAll("(^|&)page\\[cursor\\]=[^&]*", "");
            links.put("next", baseUrl + request.path() + "?" + (query.isEmpty() ? "" : query.replaceFirst("^&", "") + "&")
                    + "page%5Bcursor%5D=" + cursor);
        } else {
            links.putNull("next");
        }
        links.putNull("prev");
    }

    private static String resource(RecordedRequest request) {
        return request.path().replaceAll("^/api/|/$", "");
    }

    /** What a cursor belongs to: the query without its cursor, so a cursor reused with another filter is refused. */
    private static String fingerprint(RecordedRequest request) {
        Map<String, String> query = new LinkedHashMap<>(request.query());
        query.remove("page[cursor]");
        return Integer.toHexString(query.toString().hashCode());
    }
}
