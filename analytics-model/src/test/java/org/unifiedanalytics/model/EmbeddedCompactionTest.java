package org.unifiedanalytics.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded warehouse's file is given back to the disk, without losing a row or a transaction under way. */
class EmbeddedCompactionTest {
    private static final int TOUCHES = 60_000;

    @TempDir
    Path dir;

    private static void writeTouches(Warehouse warehouse, int from, int count) throws Exception {
        try (Connection c = warehouse.dataSource().getConnection()) {
            org.unifiedanalytics.model.testing.BulkTouches.write(c, warehouse.schema(), from, count);
        }
    }

    private static String checksum(Warehouse warehouse) throws Exception {
        try (Connection c = warehouse.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(touchpoint_id), SUM(LENGTH(customer_key)), MAX(occurred_at) FROM "
                     + warehouse.schema() + ".touchpoint")) {
            r.next();
            return r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3) + "/" + r.getTimestamp(4);
        }
    }

    @Test
    void compacting_gives_the_superseded_pages_back_and_keeps_every_row() throws Exception {
        try (Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"))) {
            warehouse.migrate();
            writeTouches(warehouse, 1, TOUCHES);
            String before = checksum(warehouse);
            long bloated = warehouse.sizeOnDisk().getAsLong();

            Compaction done = warehouse.compact();

            assertThat(done.bytesBefore()).isEqualTo(bloated);
            assertThat(done.bytesAfter()).isEqualTo(warehouse.sizeOnDisk().getAsLong()).isLessThan(bloated / 3);
            assertThat(checksum(warehouse)).isEqualTo(before);   // and the pool works on the compacted file
            writeTouches(warehouse, TOUCHES + 1, 10);
            assertThat(checksum(warehouse)).startsWith((TOUCHES + 10) + "/");
        }
    }

    @Test
    void a_bloated_file_is_compacted_when_it_pays_and_a_compact_one_is_left_alone() throws Exception {
        try (Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"))) {
            warehouse.migrate();
            writeTouches(warehouse, 1, TOUCHES);

            assertThat(warehouse.compactIfWorthIt()).isPresent();
            assertThat(warehouse.compactIfWorthIt()).isEmpty();
        }
    }

    @Test
    void closing_leaves_the_file_near_the_size_of_its_data() throws Exception {
        Path file = dir.resolve("analytics");
        long compacted;
        try (Warehouse warehouse = Warehouse.embedded(file)) {
            warehouse.migrate();
            writeTouches(warehouse, 1, TOUCHES);
        }
        long closed = Files.size(dir.resolve("analytics.mv.db"));
        try (Warehouse warehouse = Warehouse.embedded(file)) {
            compacted = warehouse.compact().bytesAfter();
        }

        assertThat(closed).isLessThanOrEqualTo(compacted * 3 / 2);
    }

    @Test
    void a_transaction_under_way_finishes_before_the_compaction_and_new_ones_wait_for_it() throws Exception {
        try (Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"))) {
            warehouse.migrate();
            writeTouches(warehouse, 1, TOUCHES);
            CountDownLatch inTransaction = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> warehouse.inTransaction(tx -> {
                tx.dsl().execute("INSERT INTO " + warehouse.schema() + ".touchpoint (touchpoint_id, customer_key, occurred_at,"
                        + " touch_type, channel, channel_group, source_platform, external_id) VALUES (" + (TOUCHES + 1)
                        + ", 'late', TIMESTAMP '2025-06-01 00:00:00', 'session', 'email', 'Email', 'test', 'late')");
                inTransaction.countDown();
                sleep(300);   // the compaction waits for this commit
                return null;
            }));
            assertThat(inTransaction.await(10, TimeUnit.SECONDS)).isTrue();

            warehouse.compact();
            writer.get(10, TimeUnit.SECONDS);

            assertThat(checksum(warehouse)).startsWith((TOUCHES + 1) + "/");
        }
    }

    @Test
    void compacting_again_at_once_while_the_pool_refills_itself_works_and_changes_next_to_nothing() throws Exception {
        try (Warehouse warehouse = Warehouse.embedded(dir.resolve("analytics"))) {
            warehouse.migrate();
            writeTouches(warehouse, 1, TOUCHES);
            long compacted = warehouse.compact().bytesAfter();

            Compaction again = warehouse.compact();

            assertThat(again.bytesAfter()).isBetween(compacted - 65_536, compacted + 65_536);   // a page or so either way
            writeTouches(warehouse, TOUCHES + 1, TOUCHES);
            assertThat(warehouse.compact().bytesAfter()).isLessThan(warehouse.sizeOnDisk().getAsLong() + 1).isGreaterThan(compacted);
        }
    }

    @Test
    void only_the_embedded_warehouse_is_compacted_by_the_sdk() {
        try (Warehouse warehouse = Warehouse.inMemory("compaction_" + System.nanoTime())) {
            assertThat(warehouse.sizeOnDisk()).isEmpty();
            assertThat(warehouse.compactIfWorthIt()).isEmpty();
            assertThatThrownBy(warehouse::compact).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("only an embedded warehouse");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
