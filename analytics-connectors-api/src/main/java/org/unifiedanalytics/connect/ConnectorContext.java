package org.unifiedanalytics.connect;

import java.time.Clock;

import org.slf4j.Logger;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.http.ApiClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Everything a connector needs from outside, handed to {@link ConnectorProvider#create}: so a connector
 * has no static state and is easy to test.
 */
public interface ConnectorContext {

    /** The name of this configured instance (several TikTok configurations have several instances). */
    String instanceName();

    /** The validated configuration. */
    ConnectorConfig config();

    /**
     * A builder for the connector's HTTP client, already set up from the common configuration keys
     * (timeouts, retries, rate limit) and wired to the runtime's metrics; the connector adds its base URL,
     * auth headers and error rules.
     */
    ApiClient.Builder http();

    /** The clock to read "now" from; tests set it. */
    Clock clock();

    /** A logger named after the connector. Never log a secret: {@link org.unifiedanalytics.connect.config.Secret} prints redacted. */
    Logger logger();

    /** The host's meter registry, for meters of the connector's own. */
    MeterRegistry meterRegistry();

    /** Where this instance keeps each account's newest tokens between runs (encrypted in the warehouse when a key is set). */
    org.unifiedanalytics.connect.credentials.CredentialStore credentials();
}
