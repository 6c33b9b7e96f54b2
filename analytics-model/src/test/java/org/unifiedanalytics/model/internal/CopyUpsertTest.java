package org.unifiedanalytics.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.schema.Tables;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.model.values.ChannelGroup;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * On PostgreSQL a large batch goes through COPY and one merge: the rows it leaves are exactly those of the batched
 * upsert, text with quotes, commas, line breaks, backslashes, emoji and the literal words NULL and \N included, and
 * the empty string apart from null; a second write changes nothing.
 */
class CopyUpsertTest {
    private static final String[] NASTY = {"", "plain", "a,b", "quote\"d", "line\nbreak", "back\\slash", "\\N", "NULL",
            "tab\there", "emoji \uD83C\uDFFA glaze", "  spaced  ", "semi;colon", "'single'", null};

    private static List<WarehouseRecord> records(int count) {
        Random random = new Random(42);
        Instant t0 = Instant.parse("2026-03-01T10:15:30.123456Z");
        List<WarehouseRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = NASTY[random.nextInt(NASTY.length)];
            records.add(new Touchpoint("tiktok", "t" + i, CustomerKey.of("c" + random.nextInt(500)), t0.plusSeconds(i * 37L),
                    "session", "tiktok", ChannelGroup.ORGANIC_SOCIAL, text, NASTY[random.nextInt(NASTY.length)], text,
                    i % 3 == 0 ? null : "vid-" + i));
            Money total = Money.of(BigDecimal.valueOf(random.nextInt(10_000_000), 4), i % 5 == 0 ? "USD" : "EUR");
            Money zero = Money.zero(total.currency());
            records.add(new SalesOrder("shopify", "o" + i, "store-1", "#" + i, t0.plusSeconds(i), t0.plusSeconds(i + 60L), null,
                    text, null, total, zero, zero, zero, total, zero, i % 7 == 0 ? null : CustomerKey.of("c" + i),
                    new Utm(text, "social", null, "vid-" + i, null), text, "/p?q=" + text, null));
            records.add(new ContentMetrics("tiktok", "vid-" + (i % 400), LocalDate.of(2026, 3, 1).plusDays(i / 400), "acc-1",
                    Counting.LIFETIME, (long) i, null, 3L, null, 1L, 0L, 5L, 4L, null, new BigDecimal("1234.567"),
                    i % 2 == 0 ? null : new BigDecimal("0.4200"), 1L, null, null, null, null, t0));
        }
        return records;
    }

    private static Map<String, List<String>> rows(Warehouse warehouse) {
        Map<String, List<String>> rows = new java.util.TreeMap<>();
        for (Table<?> table : List.of(Tables.TOUCHPOINT, Tables.SALES_ORDER, Tables.CONTENT_METRIC_DAILY)) {
            List<String> all = new ArrayList<>();
            warehouse.dsl().selectFrom(table).fetch().intoMaps().forEach(row -> {
                row.remove("touchpoint_id");
                all.add(row.toString());
            });
            all.sort(null);
            rows.put(table.getName(), all);
        }
        return rows;
    }

    /** Staging tables of the COPY path that sessions of the server hold now. */
    private static int stagingTables(Warehouse warehouse) {
        return warehouse.dsl().fetchCount(org.jooq.impl.DSL.table("pg_class"),
                org.jooq.impl.DSL.field("relname").like("ua_stage_%").and(org.jooq.impl.DSL.field("relpersistence").eq("t")));
    }

    private static void writeInChunks(Warehouse warehouse, List<WarehouseRecord> records, int chunk) {
        for (int from = 0; from < records.size(); from += chunk) {
            Collection<WarehouseRecord> part = records.subList(from, Math.min(records.size(), from + chunk));
            warehouse.write(part);
        }
    }

    @Test
    void a_large_batch_copied_and_merged_leaves_exactly_the_rows_of_the_batched_upsert_and_a_rewrite_changes_nothing() {
        TestDatabase.requirePostgres();
        List<WarehouseRecord> records = records(3_000);
        try (TestWarehouse copied = TestDatabase.POSTGRES.open(); TestWarehouse batched = TestDatabase.POSTGRES.open()) {
            Warehouse viaCopy = copied.migrated();
            Warehouse viaBatches = batched.migrated();

            writeInChunks(viaBatches, records, 3 * (CopyStaging.THRESHOLD - 1));   // fewer of each kind per write
            int stagedBefore = stagingTables(viaBatches);
            viaCopy.write(records);                                              // 3,000 of each kind: COPY
            Map<String, List<String>> first = rows(viaCopy);

            assertThat(stagedBefore).as("staging tables after the batched writes").isZero();
            assertThat(stagingTables(viaCopy)).as("staging tables after the large write").isEqualTo(3);
            viaCopy.write(records);

            assertThat(first.get("touchpoint")).hasSize(3_000);
            assertThat(first.get("content_metric_daily")).hasSize(3_000);
            assertThat(first).isEqualTo(rows(viaBatches));
            assertThat(rows(viaCopy)).as("after writing the same batch again").isEqualTo(first);
            assertThat(viaCopy.dsl().fetchCount(Tables.TOUCHPOINT, Tables.TOUCHPOINT.SOURCE.eq(""))).isPositive();
            assertThat(viaCopy.dsl().fetchCount(Tables.TOUCHPOINT, Tables.TOUCHPOINT.SOURCE.isNull())).isPositive();
            assertThat(viaCopy.dsl().fetchCount(Tables.TOUCHPOINT, Tables.TOUCHPOINT.SOURCE.eq("line\nbreak"))).isPositive();
        }
    }

    @Test
    void two_large_batches_in_one_transaction_each_land_whole() {
        TestDatabase.requirePostgres();
        List<WarehouseRecord> records = records(4_000);
        try (TestWarehouse test = TestDatabase.POSTGRES.open()) {
            Warehouse warehouse = test.migrated();

            warehouse.inTransaction(tx -> {
                tx.write(records.subList(0, 6_000));
                tx.write(records.subList(6_000, 12_000));
                return null;
            });

            assertThat(warehouse.dsl().fetchCount(Tables.TOUCHPOINT)).isEqualTo(4_000);
            assertThat(warehouse.dsl().fetchCount(Tables.SALES_ORDER)).isEqualTo(4_000);
        }
    }

    @Test
    void a_batch_with_an_instant_finer_than_microseconds_goes_the_ordinary_way_and_is_stored_alike() {
        TestDatabase.requirePostgres();
        List<WarehouseRecord> records = new ArrayList<>();
        Instant fine = Instant.parse("2026-03-01T10:15:30.123456789Z");
        for (int i = 0; i < CopyStaging.THRESHOLD + 10; i++) {
            records.add(new Touchpoint("tiktok", "f" + i, CustomerKey.of("c" + i), fine.plusSeconds(i), "session", "email",
                    ChannelGroup.EMAIL, null, null, null, null));
        }
        try (TestWarehouse copied = TestDatabase.POSTGRES.open(); TestWarehouse batched = TestDatabase.POSTGRES.open()) {
            Warehouse one = copied.migrated();
            Warehouse other = batched.migrated();

            one.write(records);
            writeInChunks(other, records, 500);

            assertThat(rows(one)).isEqualTo(rows(other));
            assertThat(one.dsl().fetchCount(Tables.TOUCHPOINT)).isEqualTo(CopyStaging.THRESHOLD + 10);
            assertThat(stagingTables(one)).as("no staging table: the batch went the ordinary way").isZero();
        }
    }
}
