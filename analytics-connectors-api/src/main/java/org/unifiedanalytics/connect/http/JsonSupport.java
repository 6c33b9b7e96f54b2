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

    /**
     * Fields whose values are credentials: a token answer cut off in the middle of its access token must not end up
     * quoted in an error, a log or the run log. The value is redacted up to its closing quote, or to the end of a
     * body cut off inside it.
     */
    private static final java.util.regex.Pattern SECRET_FIELDS = java.util.regex.Pattern.compile(
            "(\"(?:access_token|refresh_token|id_token|token|client_secret|app_secret|secret|password|api_key|assertion)\"\\s*:\\s*\")[^\"]*",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The first characters of a body, on one line, for messages; credential fields redacted. */
    static String excerpt(String body) {
        String flat = SECRET_FIELDS.matcher(body).replaceAll("$1******").replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? "'" + flat + "'" : "'" + flat.substring(0, 160) + "...' (" + body.length() + " chars)";
    }
}
