package org.unifiedanalytics.ingest;

import java.util.List;

import org.unifiedanalytics.model.ConfigurationException;

/**
 * No connector on the class path has the id asked for. {@link Ingestion#check} and {@link Ingestion#sync} both throw
 * it: a mistyped id or a missing jar is a mistake in the calling code or command, not a configuration a check could
 * test. The message names the ids there are.
 */
public final class UnknownConnectorException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    private final String connectorId;
    private final List<String> available;

    public UnknownConnectorException(String connectorId, List<String> available) {
        super("connector choice", List.of("no connector '" + connectorId + "' on the class path; found: "
                + (available.isEmpty() ? "none" : String.join(", ", available))));
        this.connectorId = connectorId;
        this.available = List.copyOf(available);
    }

    /** The id asked for. */
    public String connectorId() {
        return connectorId;
    }

    /** The ids of the connectors on the class path, sorted. */
    public List<String> available() {
        return available;
    }
}
