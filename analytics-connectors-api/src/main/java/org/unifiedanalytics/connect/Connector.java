package org.unifiedanalytics.connect;

import java.util.List;

import org.unifiedanalytics.connect.stream.SourceStream;

/**
 * A connector configured for one set of credentials: the accounts it reads and its streams. Made by
 * {@link ConnectorProvider#create}; everything from outside comes through the {@link ConnectorContext}.
 * A connector is used by one sync at a time.
 */
public interface Connector extends AutoCloseable {

    /** The ids of the source accounts this configuration reads (a TikTok account, a GA4 property, a shop). */
    List<String> accounts();

    /** The streams, each read for every account. */
    List<SourceStream> streams();

    /**
     * Whether the credentials and accounts work, in one sentence a user can act on. It must not throw:
     * failures are results.
     */
    CheckResult check();

    /** Releases what the connector holds. */
    @Override
    default void close() {
    }
}
