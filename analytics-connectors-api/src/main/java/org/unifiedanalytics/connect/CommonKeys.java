package org.unifiedanalytics.connect;

import java.util.List;

import org.unifiedanalytics.connect.config.ConfigKey;

/**
 * The configuration keys the runtime adds to every connector's spec: its instance name, HTTP
 * timeouts, retries and rate limit, and how far a first sync reaches back.
 */
public final class CommonKeys {

    public static final ConfigKey INSTANCE = ConfigKey.string("instance")
            .doc("name of this configured instance; default: the connector id").build();
    public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.duration("connect_timeout").defaultValue("10s")
            .doc("how long to wait for a TCP connection").build();
    public static final ConfigKey REQUEST_TIMEOUT = ConfigKey.duration("request_timeout").defaultValue("60s")
            .doc("how long to wait for a whole response").build();
    public static final ConfigKey MAX_RETRIES = ConfigKey.integer("max_retries").defaultValue("5")
            .doc("retries of a request after a 429, a 5xx, a timeout or a connection failure").build();
    public static final ConfigKey RETRY_INITIAL_DELAY = ConfigKey.duration("retry_initial_delay").defaultValue("500ms")
            .doc("the first backoff delay; it doubles each retry, with jitter").build();
    public static final ConfigKey RETRY_MAX_DELAY = ConfigKey.duration("retry_max_delay").defaultValue("60s")
            .doc("the longest wait between retries, Retry-After included").build();
    public static final ConfigKey REQUESTS_PER_SECOND = ConfigKey.integer("requests_per_second").defaultValue("10")
            .doc("client-side rate limit of this connector's requests").build();
    public static final ConfigKey REQUESTS_PER_MINUTE = ConfigKey.integer("requests_per_minute").defaultValue("600")
            .doc("client-side rate limit per minute").build();
    public static final ConfigKey INITIAL_DAYS = ConfigKey.integer("initial_days").defaultValue("30")
            .doc("how many days back a first incremental sync reads").build();

    /**
     * When the optional scheduler refreshes the instance: {@code every 1h}, {@code daily 06:00 Europe/Paris},
     * or {@code off}. Read by {@code analytics-scheduler}; a sync run by hand ignores it.
     */
    public static final ConfigKey SCHEDULE = ConfigKey.string("schedule").defaultValue("daily 04:00 UTC")
            .doc("when the scheduler refreshes this connector: 'every 1h', 'daily 06:00 Europe/Paris' or 'off'").build();

    public static final List<ConfigKey> ALL = List.of(INSTANCE, CONNECT_TIMEOUT, REQUEST_TIMEOUT, MAX_RETRIES,
            RETRY_INITIAL_DELAY, RETRY_MAX_DELAY, REQUESTS_PER_SECOND, REQUESTS_PER_MINUTE, INITIAL_DAYS, SCHEDULE);

    private CommonKeys() {
    }
}
