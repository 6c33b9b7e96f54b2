package org.unifiedanalytics.ingest;

/**
 * Hears a sync's progress, e.g. to draw a progress bar per stream. Called on the syncing thread.
 */
public interface ProgressListener {

    /** A stream starts, with the number of windows it plans ({@code -1} when not known ahead, as for cursor streams). */
    default void streamStarted(String account, String stream, int plannedWindows) {
    }

    /** A page and its checkpoint were committed. */
    default void pageCommitted(String account, String stream, int records, int windowsDone) {
    }

    default void streamFinished(StreamReport report) {
    }

    ProgressListener NONE = new ProgressListener() {
    };
}
