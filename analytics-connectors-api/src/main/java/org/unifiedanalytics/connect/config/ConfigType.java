package org.unifiedanalytics.connect.config;

/** The type of a configuration value, which tells how its text is parsed. */
public enum ConfigType {
    STRING, INTEGER, BOOLEAN, DECIMAL, DURATION, DATE, ZONE, URL, LIST,
    /** A secret string: parsed like STRING, never printed. */
    SECRET
}
