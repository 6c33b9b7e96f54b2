package org.unifiedanalytics.connect.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request to an API: method, path (relative to the client's base URL, or absolute for a
 * next-page link), query parameters in order, extra headers, and an optional body sent exactly as given.
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.get("/v1.3/business/video/list/")
 *         .query("business_id", account).query("max_count", 20).build();
 * }</pre>
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         Optional<String> body, String contentType) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    public static Builder method(String method, String path) {
        return new Builder(method, path);
    }

    /** Builds a request. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private String contentType = "application/json";

        private Builder(String method, String path) {
            this.method = method;
            this.path = path;
        }

        /** A query parameter; a null value leaves it out. */
        public Builder query(String name, Object value) {
            if (value != null) {
                query.put(name, String.valueOf(value));
            }
            return this;
        }

        public Builder query(Map<String, ?> parameters) {
            parameters.forEach(this::query);
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A body sent byte for byte as given (signatures may cover it). */
        public Builder body(String body, String contentType) {
            this.body = body;
            this.contentType = contentType;
            return this;
        }

        public Builder jsonBody(String json) {
            return body(json, "application/json");
        }

        public ApiRequest build() {
            return new ApiRequest(method, path, query, headers, Optional.ofNullable(body), contentType);
        }
    }
}
