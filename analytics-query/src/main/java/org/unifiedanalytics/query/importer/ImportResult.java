package org.unifiedanalytics.query.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.unifiedanalytics.model.Compaction;

/**
 * What an import stored.
 *
 * @param rowsImported the rows written
 * @param skipped      the problems of rows left out (only when bad rows may be skipped)
 * @param compaction   the embedded warehouse's compaction after the import, when it paid
 */
public record ImportResult(Path file, CsvKind kind, long rowsImported, List<String> skipped,
                           Optional<Compaction> compaction) {

    public ImportResult {
        skipped = List.copyOf(skipped);
        java.util.Objects.requireNonNull(compaction, "compaction");
    }
}
