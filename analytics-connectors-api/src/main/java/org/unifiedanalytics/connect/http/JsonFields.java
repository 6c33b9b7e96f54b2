package org.unifiedanalytics.connect.http;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading an API's JSON as leniently as its meaning allows and no more: a field documented as a string that arrives
 * as a number or a boolean keeps its text ({@code 2024}, not nothing), while an object, an array, null or an empty
 * string is absent.
 *
 * <pre>{@code
 * String caption = JsonFields.text(video, "caption").orElse(null);
 * }</pre>
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The field's text when it holds a string, a number or a boolean that is not empty; else empty. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        String text = value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
