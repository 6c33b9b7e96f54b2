package org.unifiedanalytics.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a fake route answers: a status, headers and a body. */
public record FakeResponse(int status, Map<String, String> headers, String body) {

    public static FakeResponse json(int status, String body) {
        return new FakeResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    public static FakeResponse ok(String jsonBody) {
        return json(200, jsonBody);
    }

    public FakeResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new FakeResponse(status, copy, body);
    }
}
