package org.unifiedanalytics.model;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What compacting the embedded warehouse's file did: its size before and after, and how long it took.
 *
 * @param file        the H2 file ({@code <warehouse>.mv.db})
 * @param bytesBefore its size before
 * @param bytesAfter  its size after
 * @param took        how long the compaction held the warehouse
 */
public record Compaction(Path file, long bytesBefore, long bytesAfter, Duration took) {

    /** "406.6 MiB -> 14.6 MiB in 0.9 s". */
    @Override
    public String toString() {
        return mib(bytesBefore) + " -> " + mib(bytesAfter) + " in " + String.format(java.util.Locale.ROOT, "%.1f s",
                took.toMillis() / 1000.0);
    }

    /** A size in MiB with one decimal, as people read file sizes. */
    public static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
    }
}
