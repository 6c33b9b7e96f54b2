package org.unifiedanalytics.connect.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Jackson, set up once for the toolkit: big decimals kept exact, java.time understood, trailing junk refused. */
final class JsonSupport {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    ObjectMapper mapper() {
        return mapper;
    }

    JsonNode parse(String body, String request, int status) {
        if (body == null || body.isBlank()) {
            throw new ApiException.MalformedResponse("empty body where JSON was expected", request, status, null);
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException.MalformedResponse("not valid JSON (" + e.getOriginalMessage() + "); body starts: "
                    + excerpt(body), request, status, e);
        }
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The first characters of a body, on one line, for messages. */
    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? "'" + flat + "'" : "'" + flat.substring(0, 160) + "...' (" + body.length() + " chars)";
    }
}
