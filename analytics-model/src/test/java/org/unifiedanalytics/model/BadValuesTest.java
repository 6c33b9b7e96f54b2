package org.unifiedanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unifiedanalytics.model.schema.Tables.CONTENT;
import static org.unifiedanalytics.model.schema.Tables.CONTENT_METRIC_DAILY;
import static org.unifiedanalytics.model.schema.Tables.CONVERSION;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.unifiedanalytics.model.records.Content;
import org.unifiedanalytics.model.records.ContentMetrics;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.Counting;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * Values a source may send that a careless warehouse would mangle: text that looks like SQL or carries emoji, quotes
 * and control characters is stored exactly as sent; what no column can hold exactly (a NUL character, a lone half of
 * a surrogate pair, an amount with more decimals than stored, an instant beyond the years stored) is refused by name,
 * and nothing of the batch is written.
 */
class BadValuesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @OnEachDatabase
    void text_that_looks_like_sql_or_carries_emoji_quotes_and_control_characters_is_stored_verbatim(TestDatabase db) {
        List<String> titles = List.of("'); DROP TABLE content; --", "Robert\"); DELETE FROM sales_order WHERE ('1'='1",
                "🎉 launch 👩‍👩‍👧 día ünïcödé 中文 עברית", "<script>alert(1)</script> \"><img src=x onerror=alert(1)>",
                "tab\there\nnew line\r\nbell\u0007 escape\u001b[31m back\\slash 100% _under_ $1 ?", "   spaces around   ");
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            for (int i = 0; i < titles.size(); i++) {
                warehouse.write(List.of(content("v" + i, titles.get(i))));
            }

            for (int i = 0; i < titles.size(); i++) {
                assertThat(warehouse.dsl().select(CONTENT.TITLE).from(CONTENT).where(CONTENT.CONTENT_ID.eq("v" + i)).fetchOne().value1())
                        .isEqualTo(titles.get(i));
            }
            assertThat(warehouse.dsl().fetchCount(CONTENT)).isEqualTo(titles.size());
        }
    }

    @OnEachDatabase
    void a_nul_character_is_refused_by_name_and_nothing_of_the_batch_is_written(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> warehouse.write(List.of(content("ok", "fine"), content("v1", "before\u0000after"))))
                    .isInstanceOf(InvalidRecordsException.class)
                    .hasMessageContaining("title").hasMessageContaining("NUL");
            assertThat(warehouse.dsl().fetchCount(CONTENT)).isZero();
        }
    }

    @OnEachDatabase
    void half_of_a_surrogate_pair_is_refused_by_name_instead_of_stored_as_a_question_mark(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> warehouse.write(List.of(content("v1", "cut emoji \uD83C"))))
                    .isInstanceOf(InvalidRecordsException.class)
                    .hasMessageContaining("title").hasMessageContaining("surrogate");
            assertThat(warehouse.dsl().fetchCount(CONTENT)).isZero();
        }
    }

    @OnEachDatabase
    void an_amount_with_more_decimals_than_stored_is_refused_never_rounded(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> warehouse.write(List.of(conversion("c1", NOW, "19.99001"))))
                    .isInstanceOf(InvalidRecordsException.class)
                    .hasMessageContaining("revenue").hasMessageContaining("more than 4 decimal places").hasMessageContaining("19.99001");
            assertThat(warehouse.dsl().fetchCount(CONVERSION)).isZero();
            warehouse.write(List.of(conversion("c2", NOW, "19.990100")));
            assertThat(warehouse.dsl().select(CONVERSION.REVENUE).from(CONVERSION).fetchOne().value1())
                    .isEqualByComparingTo(new BigDecimal("19.9901"));
        }
    }

    @OnEachDatabase
    void instants_and_dates_before_1970_and_after_2100_are_stored_exactly(TestDatabase db) {
        List<Instant> instants = List.of(Instant.parse("1969-07-20T20:17:40Z"), Instant.parse("1900-01-01T00:00:00Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("2100-12-31T23:59:59.999999Z"),
                Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("2026-09-27T02:30:00Z"));
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            for (int i = 0; i < instants.size(); i++) {
                warehouse.write(List.of(conversion("c" + i, instants.get(i), "1.00")));
            }
            warehouse.write(List.of(ContentMetrics.builder("tiktok", "v1", LocalDate.of(1969, 12, 31), "acct", Counting.DAILY, NOW)
                    .views(1L).build(), ContentMetrics.builder("tiktok", "v1", LocalDate.of(2101, 1, 1), "acct", Counting.DAILY, NOW)
                    .views(2L).build()));

            for (int i = 0; i < instants.size(); i++) {
                LocalDateTime stored = warehouse.dsl().select(CONVERSION.OCCURRED_AT).from(CONVERSION)
                        .where(CONVERSION.EXTERNAL_ID.eq("c" + i)).fetchOne().value1();
                assertThat(stored.toInstant(ZoneOffset.UTC)).isEqualTo(instants.get(i));
            }
            assertThat(warehouse.dsl().select(CONTENT_METRIC_DAILY.REPORT_DATE).from(CONTENT_METRIC_DAILY)
                    .orderBy(CONTENT_METRIC_DAILY.REPORT_DATE).fetch(CONTENT_METRIC_DAILY.REPORT_DATE))
                    .containsExactly(LocalDate.of(1969, 12, 31), LocalDate.of(2101, 1, 1));
        }
    }

    @OnEachDatabase
    void an_instant_beyond_the_years_stored_is_refused_by_name(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();

            assertThatThrownBy(() -> warehouse.write(List.of(conversion("c1", Instant.parse("+10000-01-01T00:00:00Z"), "1.00"),
                    conversion("c2", Instant.parse("-0001-12-31T00:00:00Z"), "1.00"))))
                    .isInstanceOf(InvalidRecordsException.class)
                    .satisfies(e -> assertThat(((InvalidRecordsException) e).violations()).hasSize(2))
                    .hasMessageContaining("occurredAt").hasMessageContaining("years 1 to 9999");
            assertThat(warehouse.dsl().fetchCount(CONVERSION)).isZero();
        }
    }

    private static Content content(String id, String title) {
        return new Content("tiktok", id, "acct", "video", title, null, NOW, null, NOW);
    }

    private static WarehouseRecord conversion(String id, Instant at, String amount) {
        return new Conversion("shop", id, CustomerKey.of("ana"), at, Money.of(amount, "EUR"), "order");
    }
}
