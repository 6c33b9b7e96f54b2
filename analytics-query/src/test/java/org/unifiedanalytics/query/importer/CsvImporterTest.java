package org.unifiedanalytics.query.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;
import static org.unifiedanalytics.model.schema.Tables.SALES_ORDER;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.Fixtures;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;

class CsvImporterTest {
    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @OnEachDatabase
    void imported_touches_keep_their_ids_which_break_ties(TestDatabase db) throws IOException {
        Path touches = file("touchpoints.csv",
                "touchpoint_id,customer_key,occurred_at,touch_type,channel,source,medium,campaign,content_id",
                "102,k,2024-05-01T10:00:00Z,session,email,klaviyo,email,spring,",
                "101,k,2024-05-01T10:00:00Z,video_view,tiktok,tiktok,social,,7311",
                "103,k,2024-05-02T10:00:00.123456Z,session,instagram,,,,");
        Path conversions = file("conversions.csv", "conversion_id,customer_key,occurred_at,revenue,currency",
                "1,k,2024-05-03T10:00:00Z,100.0000,EUR", "2,,2024-05-03T11:00:00Z,5,EUR");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            CsvImporter importer = CsvImporter.on(warehouse);

            assertThat(importer.importFile(CsvKind.TOUCHPOINTS, touches, false).rowsImported()).isEqualTo(3);
            assertThat(importer.importFile(CsvKind.CONVERSIONS, conversions, false).rowsImported()).isEqualTo(2);

            List<AttributedRevenue> first = AttributionQueries.on(warehouse).revenue(AttributionModel.FIRST_TOUCH, GroupBy.CHANNEL,
                    Period.all());
            assertThat(first).extracting(AttributedRevenue::groupKey, AttributedRevenue::attributedRevenue)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("(direct)", new BigDecimal("5.0000")),
                            org.assertj.core.groups.Tuple.tuple("tiktok", new BigDecimal("100.0000")));
            assertThat(warehouse.dsl().select(TOUCHPOINT.CHANNEL_GROUP).from(TOUCHPOINT).where(TOUCHPOINT.TOUCHPOINT_ID.eq(102L))
                    .fetchOne(0, String.class)).isEqualTo("Email");
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT, TOUCHPOINT.CONTENT_ID.isNull())).isEqualTo(2);
        }
    }

    @OnEachDatabase
    void importing_a_file_again_changes_nothing_and_later_writes_do_not_collide(TestDatabase db) throws IOException {
        Path touches = file("t.csv", "touchpoint_id,customer_key,occurred_at,touch_type,channel",
                "7,k,2024-05-01T10:00:00Z,session,email", "9,k,2024-05-01T11:00:00Z,session,email");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            CsvImporter importer = CsvImporter.on(warehouse);
            importer.importFile(CsvKind.TOUCHPOINTS, touches, false);
            importer.importFile(CsvKind.TOUCHPOINTS, touches, false);

            warehouse.write(List.of(Fixtures.touchpoint("live-1", Instant.parse("2024-05-02T00:00:00Z"), "tiktok")));

            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isEqualTo(3);
            assertThat(warehouse.dsl().select(TOUCHPOINT.TOUCHPOINT_ID).from(TOUCHPOINT)
                    .where(TOUCHPOINT.EXTERNAL_ID.eq("live-1")).fetchOne(0, Long.class)).isGreaterThan(9L);
        }
    }

    @OnEachDatabase
    void a_file_with_a_bad_row_is_refused_whole_naming_file_line_and_column(TestDatabase db) throws IOException {
        Path touches = file("bad.csv", "touchpoint_id,customer_key,occurred_at,touch_type,channel",
                "1,k,2024-05-01T10:00:00Z,session,email",
                "2,k,2024-05-01 10:00:00,session,email",
                "x,k,2024-05-01T10:00:00Z,session,");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> CsvImporter.on(warehouse).importFile(CsvKind.TOUCHPOINTS, touches, false))
                    .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).containsExactly(
                            "bad.csv: line 3, column occurred_at: is not an ISO-8601 UTC instant like 2024-05-01T10:00:00Z: '2024-05-01 10:00:00'",
                            "bad.csv: line 4, column touchpoint_id: is not a whole number: 'x'",
                            "bad.csv: line 4, column channel: is required"));
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isZero();
        }
    }

    @OnEachDatabase
    void lines_are_counted_as_lines_after_blank_lines_and_fields_that_span_lines(TestDatabase db) throws IOException {
        Path touches = file("lines.csv", "touchpoint_id,customer_key,occurred_at,touch_type,channel,campaign",
                "",
                "1,k,2024-05-01T10:00:00Z,session,email,\"spring",
                "sale\"",
                "",
                "",
                "2,k,2024-05-01 10:00,session,email,x");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> CsvImporter.on(warehouse).importFile(CsvKind.TOUCHPOINTS, touches, false))
                    .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).singleElement().asString()
                            .startsWith("lines.csv: line 7, column occurred_at:"));
        }
    }

    @OnEachDatabase
    void a_value_longer_than_its_column_is_refused_by_name_not_cut(TestDatabase db) throws IOException {
        Path touches = file("long.csv", "touchpoint_id,customer_key,occurred_at,touch_type,channel",
                "1,k,2024-05-01T10:00:00Z,session," + "c".repeat(300));
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> CsvImporter.on(warehouse).importFile(CsvKind.TOUCHPOINTS, touches, false))
                    .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).singleElement().asString()
                            .startsWith("long.csv: line 2, column channel: has 300 characters, more than the 64 the warehouse keeps"));
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isZero();
        }
    }

    @OnEachDatabase
    void a_nul_character_and_a_year_before_1_are_refused_by_name_not_left_to_the_database(TestDatabase db) throws IOException {
        Path touches = file("nul.csv", "touchpoint_id,customer_key,occurred_at,touch_type,channel",
                "1,k,2024-05-01T10:00:00Z,session,tik\u0000tok", "2,k,0000-12-31T10:00:00Z,session,email");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> CsvImporter.on(warehouse).importFile(CsvKind.TOUCHPOINTS, touches, false))
                    .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).containsExactly(
                            "nul.csv: line 2, column channel: contains a NUL character (U+0000) at index 3, which the"
                                    + " warehouse cannot store",
                            "nul.csv: line 3, column occurred_at: is in the year 0, before the year 1 the warehouse stores:"
                                    + " '0000-12-31T10:00:00Z'"));
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isZero();
        }
    }

    @OnEachDatabase
    void an_amount_beyond_what_the_column_holds_is_refused_by_name(TestDatabase db) throws IOException {
        Path conversions = file("big.csv", "conversion_id,customer_key,occurred_at,revenue,currency",
                "1,k,2024-05-03T10:00:00Z,10.00,EUR", "2,k,2024-05-03T10:00:00Z,123456789012345.00,EUR",
                "3,k,2024-05-03T10:00:00Z,1E+20,EUR");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> CsvImporter.on(warehouse).importFile(CsvKind.CONVERSIONS, conversions, false))
                    .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).containsExactly(
                            "big.csv: line 3, column revenue: has more than 14 digits before the decimal point, more than the"
                                    + " warehouse keeps: '123456789012345.00'",
                            "big.csv: line 4, column revenue: has more than 14 digits before the decimal point, more than the"
                                    + " warehouse keeps: '1E+20'"));
            assertThat(warehouse.dsl().fetchCount(CONVERSION)).isZero();
        }
    }

    @OnEachDatabase
    void bad_rows_can_be_skipped_on_request(TestDatabase db) throws IOException {
        Path conversions = file("c.csv", "conversion_id,customer_key,occurred_at,revenue,currency",
                "1,k,2024-05-03T10:00:00Z,10.00,EUR", "2,k,2024-05-03T10:00:00Z,1.000001,EUR", "3,k,2024-05-03T10:00:00Z,5,XQQ",
                "4,k,2024-05-03T10:00:00Z,-1,EUR");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            ImportResult result = CsvImporter.on(warehouse).importFile(CsvKind.CONVERSIONS, conversions, true);

            assertThat(result.rowsImported()).isEqualTo(1);
            assertThat(result.skipped()).hasSize(3).anySatisfy(p -> assertThat(p).contains("line 3, column revenue"))
                    .anySatisfy(p -> assertThat(p).contains("unknown currency code 'XQQ'"))
                    .anySatisfy(p -> assertThat(p).contains("line 5, column revenue: must not be negative"));
            assertThat(warehouse.dsl().fetchCount(CONVERSION)).isEqualTo(1);
        }
    }

    @OnEachDatabase
    void a_header_without_a_required_column_is_named(TestDatabase db) throws IOException {
        Path conversions = file("c.csv", "conversion_id,occurred_at,revenue", "1,2024-05-03T10:00:00Z,10");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> CsvImporter.on(warehouse).importFile(CsvKind.CONVERSIONS, conversions, false))
                    .hasMessageContaining("c.csv: the header lacks the column(s) [currency]");
        }
    }

    @OnEachDatabase
    void orders_become_orders_and_conversions_at_net_revenue(TestDatabase db) throws IOException {
        Path orders = file("orders.csv",
                "source_platform,order_id,created_at,currency,total,refunded,customer_key,utm_source,utm_medium",
                "shopify,1001,2024-05-03T10:00:00Z,EUR,40.00,15.00,k,tiktok,social",
                "shopify,1002,2024-05-03T11:00:00Z,USD,9.99,,,,");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            CsvImporter.on(warehouse).importFile(CsvKind.ORDERS, orders, false);

            assertThat(warehouse.dsl().fetchCount(SALES_ORDER)).isEqualTo(2);
            assertThat(warehouse.dsl().select(CONVERSION.REVENUE).from(CONVERSION).where(CONVERSION.EXTERNAL_ID.eq("1001"))
                    .fetchOne(0, BigDecimal.class)).isEqualByComparingTo("25.00");
            assertThat(warehouse.dsl().fetchCount(CONVERSION, CONVERSION.CUSTOMER_KEY.isNull())).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void progress_is_reported_every_thousand_rows_and_at_the_end_with_the_whole_file_read() throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("touchpoint_id,customer_key,occurred_at,touch_type,channel"));
        for (int i = 1; i <= 2_500; i++) {
            lines.add(i + ",k" + i + ",2024-05-01T10:00:00Z,session,email");
        }
        Path touches = file("many.csv", lines.toArray(String[]::new));
        List<long[]> reports = new java.util.ArrayList<>();
        try (TestWarehouse test = TestDatabase.H2.open()) {
            CsvImporter.on(test.migrated()).withProgress((f, read, size, rows) -> reports.add(new long[]{read, size, rows}))
                    .importFile(CsvKind.TOUCHPOINTS, touches, false);
        }

        long size = Files.size(touches);
        assertThat(reports).extracting(r -> r[2]).containsExactly(1_000L, 2_000L, 2_500L);
        assertThat(reports).allSatisfy(r -> assertThat(r[1]).isEqualTo(size));
        assertThat(reports.get(0)[0]).isPositive().isLessThan(size);
        assertThat(reports.get(2)[0]).isEqualTo(size);
    }
}
