package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.model.testing.TestDatabase;
import org.unifiedanalytics.testkit.WarehouseSnapshot;

/** {@code analytics compact} and the size on disk in {@code status}; a compaction killed at any moment loses nothing. */
class CompactCliTest {
    private static final int TOUCHES = 60_000;

    @TempDir
    Path dir;

    private Path config() throws Exception {
        Path config = dir.resolve("analytics.properties");
        if (Files.notExists(config)) {
            Files.writeString(config, "");
        }
        return config;
    }

    private String[] args(Path warehouse, String... command) throws Exception {
        List<String> all = new ArrayList<>(List.of("--embedded", warehouse.toString(), "--config", config().toString()));
        all.addAll(List.of(command));
        return all.toArray(String[]::new);
    }

    /**
     * An embedded warehouse whose file is mostly superseded pages, as many small transactions leave it: written
     * around the SDK (whose close would compact it) with H2's own close compaction off.
     */
    private static void bloated(Path warehouse) throws Exception {
        try (Warehouse w = Warehouse.embedded(warehouse)) {
            w.migrate();
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + warehouse.toAbsolutePath() + ";MAX_COMPACT_TIME=0", "", "")) {
            org.unifiedanalytics.model.testing.BulkTouches.write(c, "analytics", 1, TOUCHES);
        }
    }

    @Test
    void compact_says_how_big_the_file_was_and_is() throws Exception {
        Path warehouse = dir.resolve("analytics");
        bloated(warehouse);
        long before = Files.size(dir.resolve("analytics.mv.db"));

        CliRun run = CliRun.of(args(warehouse, "compact"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("compacting " + warehouse.toAbsolutePath() + ".mv.db").contains("compacted: ");
        assertThat(Files.size(dir.resolve("analytics.mv.db"))).isLessThan(before / 3);
    }

    @Test
    void status_shows_the_embedded_warehouse_size_on_disk() throws Exception {
        Path warehouse = dir.resolve("analytics");

        CliRun run = CliRun.of(args(warehouse, "status"));

        assertThat(run.code()).isZero();
        assertThat(run.out()).containsPattern("embedded warehouse .*analytics\\.mv\\.db: [0-9.,]+ MiB on disk");
    }

    @Test
    void compact_on_a_shared_database_is_a_usage_error() throws Exception {
        TestDatabase.requirePostgres();
        CliRun run = CliRun.of(new String[]{"--database", TestDatabase.postgresUrl(), "--database-user", TestDatabase.postgresUser(),
                "--database-password=" + TestDatabase.postgresPassword(), "--database-schema", "compact_cli_test",
                "--config", config().toString(), "compact"});

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("compact works on the embedded warehouse");
        try (Warehouse warehouse = Warehouse.builder().jdbcUrl(TestDatabase.postgresUrl()).credentials(TestDatabase.postgresUser(),
                TestDatabase.postgresPassword()).schema("compact_cli_test").build();
             Connection c = warehouse.dataSource().getConnection()) {
            c.createStatement().execute("DROP SCHEMA IF EXISTS compact_cli_test CASCADE");
        }
    }

    @Test
    void a_compaction_killed_at_any_moment_leaves_the_warehouse_as_it_was() throws Exception {
        Path template = dir.resolve("template");
        bloated(template);
        Path work = dir.resolve("work");
        Files.copy(dir.resolve("template.mv.db"), dir.resolve("work.mv.db"));
        Map<String, List<String>> expected;
        try (Warehouse warehouse = Warehouse.embedded(work)) {
            expected = WarehouseSnapshot.of(warehouse);
        }

        int killedMidway = 0;
        for (long delay : new long[]{0, 40, 120, 250}) {
            Files.copy(dir.resolve("template.mv.db"), dir.resolve("work.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            Path log = dir.resolve("compact-" + delay + ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Cli.class.getName()));
            command.addAll(List.of(args(work, "compact")));
            Process compact = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString()))).start();
            waitForLine(log, "compacting", compact);
            Thread.sleep(delay);
            compact.destroyForcibly();   // SIGKILL: no shutdown hook, no clean close
            assertThat(compact.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (!Files.readString(log, StandardCharsets.UTF_8).contains("compacted:")) {
                killedMidway++;
            }

            try (Warehouse warehouse = Warehouse.embedded(work)) {
                assertThat(WarehouseSnapshot.of(warehouse)).as("after a kill %d ms into the compaction", delay).isEqualTo(expected);
            }
        }
        assertThat(killedMidway).as("kills that landed before the compaction finished").isPositive();
    }

    private static void waitForLine(Path log, String text, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.notExists(log) || !Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
            assertThat(process.isAlive()).as("the CLI is still running").isTrue();
            assertThat(System.nanoTime()).as("the CLI said '%s' in time", text).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
