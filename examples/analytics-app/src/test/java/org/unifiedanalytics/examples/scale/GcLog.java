package org.unifiedanalytics.examples.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap after each collection, read from a JVM's {@code -Xlog:gc:file=...}: how much a process kept alive over its
 * run, which is what "the heap stays flat" means (before a collection the heap holds garbage too).
 */
public record GcLog(List<Sample> samples, long maxHeapMiB) {
    /** One collection: seconds since the JVM started, heap in use after it (MiB). */
    public record Sample(double seconds, long afterMiB) {
    }

    private static final Pattern PAUSE = Pattern.compile("\\[(\\d+\\.\\d+)s\\].*GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    public static GcLog read(Path file) throws IOException {
        List<Sample> samples = new ArrayList<>();
        long max = 0;
        for (String line : Files.readAllLines(file)) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                samples.add(new Sample(Double.parseDouble(m.group(1)), Long.parseLong(m.group(3))));
                max = Math.max(max, Long.parseLong(m.group(4)));
            }
        }
        return new GcLog(List.copyOf(samples), max);
    }

    /** The largest heap kept alive after a collection. */
    public long peakAfterMiB() {
        return samples.stream().mapToLong(Sample::afterMiB).max().orElse(0);
    }

    /** The largest heap kept after a collection within a share of the run's collections, e.g. 0 to 0.5, 0.5 to 1. */
    public long peakAfterMiB(double fromShare, double toShare) {
        int from = (int) Math.floor(samples.size() * fromShare);
        int to = Math.max(from + 1, (int) Math.ceil(samples.size() * toShare));
        return samples.subList(Math.min(from, samples.size()), Math.min(to, samples.size())).stream()
                .mapToLong(Sample::afterMiB).max().orElse(0);
    }

    /** A heap limit as {@code -Xmx} takes it ({@code 64m}, {@code 1g}), in MiB. */
    public static long mib(String heap) {
        long number = Long.parseLong(heap.replaceAll("[^0-9]", ""));
        return heap.toLowerCase(java.util.Locale.ROOT).endsWith("g") ? number * 1024 : number;
    }

    /**
     * The scale suite's criteria: collections happened; the heap kept after them stayed within three quarters of the
     * limit; and the second half of the run kept no more alive than the first, beyond a sixteenth of the limit (at
     * least 4 MiB), so nothing accumulates as the data goes by.
     */
    public void assertFlatWithin(String heap) {
        long limit = mib(heap);
        org.assertj.core.api.Assertions.assertThat(samples).as("collections logged").isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(peakAfterMiB()).as("the heap kept alive, at most three quarters of -Xmx%s", heap)
                .isLessThanOrEqualTo(limit * 3 / 4);
        org.assertj.core.api.Assertions.assertThat(peakAfterMiB(0.5, 1.0))
                .as("the second half keeps no more alive than the first (%s)", quarters())
                .isLessThanOrEqualTo(peakAfterMiB(0.0, 0.5) + Math.max(4, limit / 16));
    }

    /** Heap after collections at the quarters of the run, e.g. "12, 14, 13, 14 MiB", for reports. */
    public String quarters() {
        List<String> parts = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            parts.add(String.valueOf(peakAfterMiB(q / 4.0, (q + 1) / 4.0)));
        }
        return String.join(", ", parts) + " MiB";
    }
}
