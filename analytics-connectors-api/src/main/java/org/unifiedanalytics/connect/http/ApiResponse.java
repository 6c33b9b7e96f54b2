package org.unifiedanalytics.connect.http;

import java.net.http.HttpHeaders;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A response the client accepted: its status, headers and body, and the request it answers (described
 * with secrets redacted). {@link #json()} parses the body, or fails with the request and an excerpt.
 */
public final class ApiResponse {
    private final int status;
    private final HttpHeaders headers;
    private final String body;
    private final String requestDescription;
    private final JsonSupport json;
    private JsonNode parsed;

    ApiResponse(int status, HttpHeaders headers, String body, String requestDescription, JsonSupport json) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.requestDescription = requestDescription;
        this.json = json;
    }

    public int status() {
        return status;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String body() {
        return body;
    }

    /** The request, as {@code GET https://host/path?token=******}. */
    public String requestDescription() {
        return requestDescription;
    }

    /** The body as JSON. */
    public JsonNode json() {
        if (parsed == null) {
            parsed = json.parse(body, requestDescription, status);
        }
        return parsed;
    }
}
