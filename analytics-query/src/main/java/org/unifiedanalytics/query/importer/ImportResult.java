package org.unifiedanalytics.query.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * What an import stored.
 *
 * @param rowsImported the rows written
 * @param skipped      the problems of rows left out (only when bad rows may be skipped)
 */
public record ImportResult(Path file, CsvKind kind, long rowsImported, List<String> skipped) {

    public ImportResult {
        skipped = List.copyOf(skipped);
    }
}
