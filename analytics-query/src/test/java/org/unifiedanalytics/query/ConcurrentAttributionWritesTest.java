package org.unifiedanalytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;
import static org.unifiedanalytics.query.MaintainedAttributionTest.cast;
import static org.unifiedanalytics.query.MaintainedAttributionTest.conversion;
import static org.unifiedanalytics.query.MaintainedAttributionTest.touch;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.OnEachDatabase;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.model.testing.TestWarehouse;

/**
 * Maintained attribution while two transactions write the same touchpoint at once: the second reads the row it will
 * replace before the first commits, then waits for the first's row lock and replaces the first's version. A refresh
 * between the two commits must not leave the first's customer with credits of a touch that is no longer theirs.
 */
class ConcurrentAttributionWritesTest {
    private static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

    @OnEachDatabase
    void a_refresh_between_two_overlapping_writes_of_one_touch_leaves_no_credit_stale(TestDatabase db) throws Exception {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries maintained = AttributionQueries.on(warehouse);
            warehouse.write(cast(List.of(conversion("a", "ana", AT.plusSeconds(60)), conversion("b", "ben", AT.plusSeconds(60)),
                    conversion("c", "cat", AT.plusSeconds(60)), touch("t1", "ana", AT, "email"))));
            maintained.refresh();

            ExecutorService threads = Executors.newFixedThreadPool(3);
            CountDownLatch firstWritten = new CountDownLatch(1);
            CountDownLatch commitFirst = new CountDownLatch(1);
            CountDownLatch secondWritten = new CountDownLatch(1);
            CountDownLatch commitSecond = new CountDownLatch(1);
            try {
                // the first moves the touch to ben and holds its row lock until told to commit
                Future<?> first = threads.submit(() -> warehouse.inTransaction(tx -> {
                    tx.write(List.of(touch("t1", "ben", AT, "tiktok")));
                    firstWritten.countDown();
                    commitFirst.await(30, TimeUnit.SECONDS);
                    return null;
                }));
                assertThat(firstWritten.await(10, TimeUnit.SECONDS)).isTrue();
                // the second reads ana's version, then waits for the first's lock; it commits when told to
                Future<?> second = threads.submit(() -> warehouse.inTransaction(tx -> {
                    tx.write(List.of(touch("t1", "cat", AT, "instagram")));
                    secondWritten.countDown();
                    commitSecond.await(30, TimeUnit.SECONDS);
                    return null;
                }));
                awaitWaitingForALock(warehouse, db);
                commitFirst.countDown();
                first.get(10, TimeUnit.SECONDS);
                assertThat(secondWritten.await(10, TimeUnit.SECONDS)).as("the second's write went through").isTrue();

                // a query between the two commits: it must not apply the first's changes while the second is under way
                Future<List<String>> between = threads.submit(() -> MaintainedAttributionTest.keys(maintained));
                try {
                    between.get(2, TimeUnit.SECONDS);
                } catch (TimeoutException waitingForTheSecond) {
                    // it waits for the second writer to finish: so much the better
                }
                commitSecond.countDown();
                second.get(10, TimeUnit.SECONDS);
                between.get(30, TimeUnit.SECONDS);
            } finally {
                commitFirst.countDown();
                commitSecond.countDown();
                threads.shutdownNow();
            }

            assertThat(maintained.revenue(AttributionModel.LAST_TOUCH, GroupBy.CHANNEL, Period.all()))
                    .as("maintained after both commits")
                    .isEqualTo(AttributionQueries.live(warehouse).revenue(AttributionModel.LAST_TOUCH, GroupBy.CHANNEL, Period.all()));
            assertThat(MaintainedAttributionTest.keys(maintained)).containsExactly("(direct)", "instagram");
        }
    }

    @OnEachDatabase
    void attribution_refreshed_inside_a_transaction_that_writes_touches_is_refused_instead_of_waiting_for_itself(TestDatabase db) {
        try (TestWarehouse test = db.open()) {
            Warehouse warehouse = test.migrated();
            AttributionQueries maintained = AttributionQueries.on(warehouse);
            warehouse.write(cast(List.of(conversion("a", "ana", AT.plusSeconds(60)))));

            assertThatThrownBy(() -> warehouse.inTransaction(tx -> {
                tx.write(List.of(touch("t1", "ana", AT, "email")));
                return maintained.refresh();
            })).isInstanceOf(IllegalStateException.class).hasMessageContaining("query after it commits");

            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).as("the transaction rolled back").isZero();
            assertThat(maintained.refresh().unitsComputed()).as("and the gate let go of it").isPositive();
        }
    }

    /** Until another session of the database waits for a lock (the second writer, for the first's row). */
    private static void awaitWaitingForALock(Warehouse warehouse, TestDatabase db) throws InterruptedException {
        String sql = db == TestDatabase.POSTGRES
                ? "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                : "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (warehouse.dsl().fetchOne(sql).get(0, Long.class) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the second writer never waited for the first's lock");
    }
}
