package org.unifiedanalytics.testkit.fakes;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.unifiedanalytics.testkit.FakeApiServer;
import org.unifiedanalytics.testkit.FakeResponse;
import org.unifiedanalytics.testkit.RecordedRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Google Analytics Data API (v1beta {@code runReport}) and Google's token endpoint on loopback, as strict
 * as the real ones: a bearer token from the token endpoint with the {@code analytics.readonly} scope, access to
 * the property (else 403 {@code PERMISSION_DENIED}), a valid request body (unknown dimension or metric names,
 * more than 9 dimensions or 10 metrics, bad dates, a non-positive limit: 400 {@code INVALID_ARGUMENT}), rows
 * served by offset and limit (at most 250,000), metric values as strings beside typed headers, metadata with the
 * property's zone and currency and its data-quality flags, and the property's token quota consumed by every
 * report and refused when spent (429 {@code RESOURCE_EXHAUSTED}). Errors come in Google's
 * {@code {"error":{"code","message","status"}}} shape.
 *
 * <pre>{@code
 * FakeGoogleAnalytics ga4 = FakeGoogleAnalytics.start(clock);
 * String keyFile = ga4.tokens().newServiceAccountKey("sync@brand.iam.gserviceaccount.com");
 * FakeGa4Property shop = ga4.property("412345678", ZoneId.of("America/Los_Angeles"), "USD");
 * // connector settings: base_url = ga4.baseUrl(), credentials_json = keyFile
 * }</pre>
 */
public final class FakeGoogleAnalytics implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/v1beta/properties/";

    private final FakeApiServer server;
    private final FakeGoogleTokenEndpoint tokens;
    private final Clock clock;
    private final Map<String, FakeGa4Property> properties = new ConcurrentHashMap<>();

    private FakeGoogleAnalytics(Clock clock) {
        this.clock = clock;
        this.server = FakeApiServer.start();
        this.tokens = new FakeGoogleTokenEndpoint(server.baseUrl() + "/token", clock);
        server.route("POST", "/token", tokens::handle);
        server.otherwise(this::dataApi);
    }

    /** A fake whose tokens expire, and whose relative dates ({@code yesterday}) resolve, by this clock. */
    public static FakeGoogleAnalytics start(Clock clock) {
        return new FakeGoogleAnalytics(clock);
    }

    /** The Data API's base URL for the connector: {@code http://127.0.0.1:port/v1beta/}. */
    public String baseUrl() {
        return server.baseUrl() + "/v1beta/";
    }

    public FakeGoogleTokenEndpoint tokens() {
        return tokens;
    }

    public FakeApiServer server() {
        return server;
    }

    /** A new property, empty. */
    public FakeGa4Property property(String id, ZoneId zone, String currency) {
        FakeGa4Property property = new FakeGa4Property(id, zone, Currency.getInstance(currency));
        properties.put(id, property);
        return property;
    }

    public FakeGa4Property property(String id) {
        return properties.get(id);
    }

    @Override
    public void close() {
        server.close();
    }

    private FakeResponse dataApi(RecordedRequest request) {
        String path = request.path();
        if (!request.method().equals("POST") || !path.startsWith(PREFIX) || !path.endsWith(":runReport")) {
            return error(404, "NOT_FOUND", "The requested URL " + path + " was not found on this server.");
        }
        String propertyId = path.substring(PREFIX.length(), path.length() - ":runReport".length());
        Optional<String> subject = request.header("Authorization").filter(h -> h.startsWith("Bearer "))
                .flatMap(h -> tokens.subjectOf(h.substring("Bearer ".length()), FakeGoogleTokenEndpoint.ANALYTICS_READONLY));
        if (subject.isEmpty()) {
            return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access "
                    + "token, login cookie or other valid authentication credential.");
        }
        FakeGa4Property property = properties.get(propertyId);
        if (property == null || !property.mayBeReadBy(subject.get())) {
            return error(403, "PERMISSION_DENIED", "User does not have sufficient permissions for this property. To learn "
                    + "more about Property ID, see https://developers.google.com/analytics/devguides/reporting/data/v1/property-id.");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (java.io.IOException e) {
            return error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
        }
        return new Ga4ReportEngine(property, clock).run(body);
    }

    static FakeResponse error(int code, String status, String message) {
        var error = JSON.createObjectNode();
        error.putObject("error").put("code", code).put("message", message).put("status", status);
        return FakeResponse.json(code, error.toString());
    }
}
