package org.unifiedanalytics.query.importer;

import java.nio.file.Path;

/**
 * Told how far a {@link CsvImporter} has read a file, so that a long import can show a progress bar. Called from the
 * importing thread every few thousand rows and once at the end (then {@code bytesRead == fileBytes}).
 *
 * <pre>{@code
 * CsvImporter.on(warehouse)
 *         .withProgress((file, read, size, rows) -> System.err.printf("%s: %d%%%n", file, 100 * read / Math.max(1, size)))
 *         .importFile(CsvKind.TOUCHPOINTS, Path.of("touchpoints.csv"), false);
 * }</pre>
 */
@FunctionalInterface
public interface ImportProgress {
    /** Reports nothing. */
    ImportProgress NONE = (file, bytesRead, fileBytes, rowsRead) -> {
    };

    /**
     * @param bytesRead bytes of the file read so far (the reader reads ahead, so a little beyond the last row parsed)
     * @param fileBytes the file's size when the import started
     * @param rowsRead  data rows parsed so far, good or bad
     */
    void progressed(Path file, long bytesRead, long fileBytes, long rowsRead);
}
