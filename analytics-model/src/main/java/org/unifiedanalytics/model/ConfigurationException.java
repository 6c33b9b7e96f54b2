package org.unifiedanalytics.model;

import java.util.List;

/** A configuration was refused; the message lists every problem found, not only the first. */
public class ConfigurationException extends AnalyticsException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ConfigurationException(String subject, List<String> problems) {
        super("invalid " + subject + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, one sentence each, naming the setting at fault. */
    public List<String> problems() {
        return problems;
    }
}
