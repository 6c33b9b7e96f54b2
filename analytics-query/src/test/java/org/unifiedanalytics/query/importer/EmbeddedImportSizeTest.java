package org.unifiedanalytics.query.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.Warehouse;

/**
 * A regression guard for the embedded warehouse's size: after a CSV import its file stays within 1.5 times what
 * H2's own compaction makes of it (without the SDK's compaction, 50,000 touchpoints left about 20 times that).
 */
class EmbeddedImportSizeTest {
    private static final int TOUCHES = 50_000;

    @TempDir
    Path dir;

    @Test
    void an_imported_file_leaves_the_warehouse_within_one_and_a_half_times_its_compacted_size() throws Exception {
        Path csv = dir.resolve("touchpoints.csv");
        Random random = new Random(42);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("touchpoint_id,customer_key,occurred_at,touch_type,channel\n");
            for (int i = 1; i <= TOUCHES; i++) {
                out.write(i + ",c" + random.nextInt(TOUCHES / 10) + "," + start.plusSeconds(random.nextInt(180 * 86_400))
                        + ",session,email\n");
            }
        }
        try (Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"))) {
            warehouse.migrate();

            CsvImporter.on(warehouse).importFile(CsvKind.TOUCHPOINTS, csv, false);
            long afterImport = warehouse.sizeOnDisk().getAsLong();
            long compacted = warehouse.compact().bytesAfter();

            assertThat(afterImport).as("%,d bytes after the import, %,d compacted", afterImport, compacted)
                    .isLessThanOrEqualTo(compacted * 3 / 2);
        }
    }
}
