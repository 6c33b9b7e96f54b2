package org.unifiedanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.unifiedanalytics.model.schema.Analytics;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

/** Every record kind's writer, on H2 and on PostgreSQL: insert, update, idempotent re-write, refusal. */
class UpsertWritersTest {

    private static final Map<TestDatabase, TestWarehouse> WAREHOUSES = new EnumMap<>(TestDatabase.class);

    static Stream<Arguments> cases() {
        return Stream.of(TestDatabase.values())
                .flatMap(db -> WriterCases.all().stream().map(c -> Arguments.of(db, c)));
    }

    private static Warehouse warehouse(TestDatabase database) {
        return WAREHOUSES.computeIfAbsent(database, db -> {
            TestWarehouse test = db.open();
            test.migrated();
            return test;
        }).warehouse();
    }

    @AfterAll
    static void closeWarehouses() {
        WAREHOUSES.values().forEach(TestWarehouse::close);
        WAREHOUSES.clear();
    }

    @BeforeEach
    void emptyTables() {
        for (TestWarehouse test : WAREHOUSES.values()) {
            for (var table : Analytics.ANALYTICS.getTables()) {
                if (table.getTableType().isTable()) {
                    test.warehouse().dsl().deleteFrom(table).execute();
                }
            }
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void a_new_record_is_inserted_with_its_values(TestDatabase database, WriterCases kind) {
        Warehouse warehouse = warehouse(database);

        WriteResult result = warehouse.write(List.of(kind.original()));

        assertThat(result.recordsWritten()).isEqualTo(1);
        assertThat(result.rowsByTable()).containsEntry(kind.table().getName(), 1);
        assertThat(warehouse.dsl().fetchCount(kind.table())).isEqualTo(1);
        assertProbe(warehouse, kind, kind.originalValue());
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void a_record_with_a_stored_key_updates_its_row(TestDatabase database, WriterCases kind) {
        Warehouse warehouse = warehouse(database);
        warehouse.write(List.of(kind.original()));

        warehouse.write(List.of(kind.updated()));

        assertThat(warehouse.dsl().fetchCount(kind.table())).isEqualTo(1);
        assertProbe(warehouse, kind, kind.updatedValue());
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void writing_the_same_records_again_changes_nothing(TestDatabase database, WriterCases kind) {
        Warehouse warehouse = warehouse(database);
        warehouse.write(List.of(kind.original(), kind.other()));
        var before = warehouse.dsl().selectFrom(kind.table()).fetch().intoMaps();

        warehouse.write(List.of(kind.original(), kind.other()));

        var after = warehouse.dsl().selectFrom(kind.table()).fetch().intoMaps();
        assertThat(after).hasSize(2).containsExactlyInAnyOrderElementsOf(before);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void a_batch_with_an_invalid_record_is_refused_whole_and_names_the_field(TestDatabase database, WriterCases kind) {
        Warehouse warehouse = warehouse(database);
        warehouse.write(List.of(kind.original()));

        assertThatThrownBy(() -> warehouse.write(List.of(kind.updated(), kind.other(), kind.invalid())))
                .isInstanceOfSatisfying(InvalidRecordsException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).index()).isEqualTo(2);
                    assertThat(e.violations().get(0).field()).isEqualTo(kind.invalidField());
                    assertThat(e.getMessage()).contains(kind.invalid().describe()).contains(kind.invalidField());
                });

        assertThat(warehouse.dsl().fetchCount(kind.table())).isEqualTo(1);
        assertProbe(warehouse, kind, kind.originalValue());
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    void a_record_repeated_in_one_batch_is_written_once_the_last_version_winning(TestDatabase database, WriterCases kind) {
        Warehouse warehouse = warehouse(database);

        WriteResult result = warehouse.write(List.of(kind.original(), kind.updated()));

        assertThat(result.recordsWritten()).isEqualTo(1);
        assertThat(warehouse.dsl().fetchCount(kind.table())).isEqualTo(1);
        assertProbe(warehouse, kind, kind.updatedValue());
    }

    private static void assertProbe(Warehouse warehouse, WriterCases kind, Object expected) {
        Object actual = warehouse.dsl().select(kind.probe()).from(kind.table()).fetchOne(0);
        if (expected instanceof BigDecimal decimal) {
            assertThat((BigDecimal) actual).isEqualByComparingTo(decimal);
        } else {
            assertThat(actual).isEqualTo(expected);
        }
    }
}
