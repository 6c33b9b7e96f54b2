package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unifiedanalytics.model.schema.Tables.TOUCHPOINT;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Period;

/**
 * The concurrency suite for CSV imports: two processes importing into one warehouse at once. On PostgreSQL both
 * finish (the second waits for the first's rows where they meet) and every touch is there once, its attribution
 * current; on the embedded file the second is refused, naming the file.
 */
class ConcurrentImportTest {
    private static final int FIRST = 600_000;
    private static final int SECOND = 100_000;

    @TempDir
    Path dir;

    @Test
    void two_processes_importing_into_one_postgresql_schema_both_finish_and_every_row_is_there_once() throws Exception {
        TestDatabase.requirePostgres();
        String schema = "concurrent_import_" + Long.toHexString(System.nanoTime());
        Path first = touches("first.csv", FIRST, "a-");
        Path overlapping = touches("overlapping.csv", SECOND, "b-");
        List<String> database = List.of("--database", TestDatabase.postgresUrl(), "--database-user", TestDatabase.postgresUser(),
                "--database-password", TestDatabase.postgresPassword(), "--database-schema", schema);
        try {
            Process a = importing(database, first, "a");
            waitFor(schema, a, "a", "the first import has written rows it has not committed",
                    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n"
                            + " ON n.oid = c.relnamespace WHERE n.nspname = '" + schema + "' AND c.relname = 'touchpoint'"
                            + " AND l.mode = 'RowExclusiveLock' AND l.granted");

            Process b = importing(database, overlapping, "b");
            waitFor(schema, a, "a", "the second import waits for the first's rows",
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%" + schema + "%'");

            assertThat(CliProcess.finish(a, 180)).as("the first import:%n%s", log("a")).isZero();
            assertThat(CliProcess.finish(b, 180)).as("the second import:%n%s", log("b")).isZero();
            try (Warehouse warehouse = TestDatabase.postgresWarehouse(schema)) {
                assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).as("ids 1 to %d, once each", FIRST).isEqualTo(FIRST);
                assertThat(warehouse.dsl().fetchCount(TOUCHPOINT, TOUCHPOINT.CUSTOMER_KEY.like("b-%")))
                        .as("the overlapping ids took the second file's rows, committed last").isEqualTo(SECOND);
                assertThat(AttributionQueries.on(warehouse).compare(GroupBy.CHANNEL, Period.all()))
                        .isEqualTo(AttributionQueries.live(warehouse).compare(GroupBy.CHANNEL, Period.all()));
            }
        } finally {
            TestDatabase.dropPostgresSchema(schema);
        }
    }

    @Test
    void a_second_process_importing_into_the_embedded_file_is_refused_with_the_file_named() throws Exception {
        Path file = dir.resolve("warehouse");
        Path touches = touches("touches.csv", SECOND, "a-");
        Process a = importing(List.of("--embedded", file.toString()), touches, "a");
        waitForLog("a", "touches.csv", a);

        Process b = importing(List.of("--embedded", file.toString()), touches, "b");

        assertThat(CliProcess.finish(b, 120)).as("the second import:%n%s", log("b")).isEqualTo(2);
        assertThat(log("b")).contains(file + ".mv.db").contains("is in use by another process");
        assertThat(CliProcess.finish(a, 180)).as("the first import, undisturbed:%n%s", log("a")).isZero();
        try (Warehouse warehouse = Warehouse.embedded(file)) {
            assertThat(warehouse.dsl().fetchCount(TOUCHPOINT)).isEqualTo(SECOND);
        }
    }

    /** Touches with ids from 1, their customers' keys starting with the prefix. */
    private Path touches(String name, int count, String prefix) throws Exception {
        java.util.Random random = new java.util.Random(count);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Path file = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("touchpoint_id,customer_key,occurred_at,touch_type,channel\n");
            for (int i = 1; i <= count; i++) {
                out.write(i + "," + prefix + random.nextInt(20_000) + "," + start.plusSeconds(random.nextInt(90 * 86_400))
                        + ",session," + (random.nextBoolean() ? "email" : "tiktok") + "\n");
            }
        }
        return file;
    }

    private Process importing(List<String> warehouse, Path file, String name) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".properties"), "");
        List<String> arguments = new ArrayList<>(warehouse);
        arguments.addAll(List.of("--config", config.toString(), "import", "touchpoints", file.toString()));
        return CliProcess.start(arguments, Map.of(), dir.resolve(name + ".log"));
    }

    /** Waits until the query, run against the server, counts something; the process must still run meanwhile. */
    private void waitFor(String schema, Process process, String name, String what, String countQuery) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(),
                TestDatabase.postgresPassword()); Statement s = c.createStatement()) {
            while (true) {
                try (var rows = s.executeQuery(countQuery)) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                assertThat(process.isAlive()).as("%s, while the process of %s still runs:%n%s", what, schema, log(name)).isTrue();
                assertThat(System.nanoTime()).as("%s, in time", what).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }

    private void waitForLog(String name, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!log(name).contains(text)) {
            assertThat(process.isAlive()).as("the first import still runs:%n%s", log(name)).isTrue();
            assertThat(System.nanoTime()).as("the first import started reading in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private String log(String name) throws java.io.IOException {
        Path log = dir.resolve(name + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
