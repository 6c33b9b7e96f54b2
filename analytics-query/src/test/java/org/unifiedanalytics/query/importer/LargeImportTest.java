package org.unifiedanalytics.query.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;

/**
 * Files large enough that PostgreSQL takes them through COPY and set-based statements leave exactly what the batched
 * upsert leaves on H2: the same rows (awkward text, a repeated id and rewritten rows included) and the same
 * attribution change markers, so maintained credits come out the same.
 */
class LargeImportTest {
    private static final String[] TEXT = {"", "plain", "a,b", "quote\"d", "line\nbreak", "back\\slash", "\\N", "NULL",
            "emoji \uD83C\uDFFA glaze", "semi;colon", "'single'"};

    @TempDir
    Path dir;

    @Test
    void a_large_import_through_copy_on_postgres_leaves_the_rows_and_markers_of_the_batched_import() throws IOException {
        TestDatabase.requirePostgres();
        Path touches = touches("touchpoints.csv", 7_000, 1);
        Path moved = touches("moved.csv", 3_000, 2);
        Path conversions = conversions("conversions.csv", 2_500);

        List<List<String>> h2 = importAll(TestDatabase.H2, touches, moved, conversions);
        List<List<String>> postgres = importAll(TestDatabase.POSTGRES, touches, moved, conversions);

        assertThat(postgres.get(0)).hasSize(7_000).isEqualTo(h2.get(0));
        assertThat(postgres.get(1)).hasSize(2_500).isEqualTo(h2.get(1));
        assertThat(postgres.get(2)).isNotEmpty().isEqualTo(h2.get(2));
        assertThat(postgres.get(3)).isNotEmpty().isEqualTo(h2.get(3));
    }

    /** Touchpoints, markers, conversions and maintained answers after importing the three files, sorted. */
    private List<List<String>> importAll(TestDatabase db, Path touches, Path moved, Path conversions) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries queries = AttributionQueries.on(warehouse);
            // a unit kept before the import, so that its markers are kept for the refresh instead of discarded
            queries.revenue(AttributionModel.LINEAR, GroupBy.CHANNEL, Period.all());
            CsvImporter importer = CsvImporter.on(warehouse);
            importer.importFile(CsvKind.TOUCHPOINTS, touches, false);
            importer.importFile(CsvKind.CONVERSIONS, conversions, false);
            importer.importFile(CsvKind.TOUCHPOINTS, moved, false);
            List<String> markers = warehouse.dsl().select(ATTRIBUTION_CHANGE.CUSTOMER_KEY, ATTRIBUTION_CHANGE.CHANGED_FROM)
                    .from(ATTRIBUTION_CHANGE).fetch().stream().map(r -> r.value1() + "@" + r.value2()).sorted().toList();
            if (db == TestDatabase.POSTGRES) {
                assertThat(warehouse.dsl().fetchCount(DSL.table("pg_class"), DSL.field("relname").like("ua_stage_%_by_id")
                        .and(DSL.field("relpersistence").eq("t")))).as("staging tables of the COPY path").isEqualTo(2);
            }
            List<String> answers = new ArrayList<>();
            for (AttributedRevenue row : queries.revenue(AttributionModel.LINEAR, GroupBy.CHANNEL, Period.all())) {
                answers.add(row.groupKey() + " " + row.currency() + " " + row.attributedRevenue());
            }
            return List.of(rows(warehouse, TOUCHPOINT), rows(warehouse, CONVERSION), markers, answers);
        }
    }

    private static List<String> rows(Warehouse warehouse, Table<?> table) {
        return warehouse.dsl().selectFrom(table).fetch().intoMaps().stream().map(Object::toString).sorted().toList();
    }

    /** Ids 1..count (the first id repeated last, with other values); the second file moves touches to others. */
    private Path touches(String name, int count, int seed) throws IOException {
        Random random = new Random(seed);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Path file = dir.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            csv.printRecord("touchpoint_id", "customer_key", "occurred_at", "touch_type", "channel", "source", "medium",
                    "campaign", "content_id");
            for (int i = 1; i <= count + 1; i++) {
                int id = i <= count ? i : 1;
                csv.printRecord(id, "c" + random.nextInt(300), t0.plusSeconds(random.nextInt(90 * 86_400)), "session",
                        random.nextBoolean() ? "tiktok" : "email", pick(random), pick(random), pick(random),
                        random.nextInt(3) == 0 ? "" : "vid-" + random.nextInt(50));
            }
        }
        return file;
    }

    private Path conversions(String name, int count) throws IOException {
        Random random = new Random(7);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Path file = dir.resolve(name);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            csv.printRecord("conversion_id", "customer_key", "occurred_at", "revenue", "currency");
            for (int i = 1; i <= count; i++) {
                csv.printRecord(i, random.nextInt(10) == 0 ? "" : "c" + random.nextInt(300),
                        t0.plusSeconds(random.nextInt(90 * 86_400)), BigDecimal.valueOf(random.nextInt(1_000_000), 4),
                        random.nextInt(5) == 0 ? "USD" : "EUR");
            }
        }
        return file;
    }

    private static String pick(Random random) {
        return TEXT[random.nextInt(TEXT.length)];
    }
}
