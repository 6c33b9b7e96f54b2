package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's query commands, end to end on an embedded warehouse: import CSV, then attribution and the funnel. */
class QueryCommandsTest {
    @TempDir
    Path dir;

    private String run(String... args) {
        CliRun run = CliRun.of(args);
        assertThat(run.code()).as("exit code of %s", List.of(args)).isZero();
        return run.out();
    }

    private String[] args(String... command) {
        try {
            Files.writeString(dir.resolve("none.properties"), "");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String[] all = new String[command.length + 4];
        all[0] = "--embedded";
        all[1] = dir.resolve("warehouse").toString();
        all[2] = "--config";
        all[3] = dir.resolve("none.properties").toString();
        System.arraycopy(command, 0, all, 4, command.length);
        return all;
    }

    @Test
    void a_configuration_file_named_with_c_that_does_not_exist_is_a_usage_error() {
        CliRun run = CliRun.of(new String[]{"--embedded", dir.resolve("warehouse").toString(), "--config",
                dir.resolve("missing.properties").toString()}, "check", "store-orders");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("missing.properties").contains("does not exist");
    }

    @Test
    void a_csv_value_the_warehouse_cannot_hold_is_a_usage_error_naming_file_line_and_column() throws Exception {
        Path conversions = Files.write(dir.resolve("conversions.csv"), List.of(
                "conversion_id,customer_key,occurred_at,revenue,currency", "", "1,k,2024-05-03T10:00:00Z,1000000000000000,EUR"));

        CliRun run = CliRun.of(args("import", "conversions", conversions.toString()));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("conversions.csv: line 3, column revenue: has more than 14 digits");
    }

    @Test
    void an_import_shows_its_progress_on_standard_error_unless_quiet() throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("touchpoint_id,customer_key,occurred_at,touch_type,channel"));
        for (int i = 1; i <= 3_000; i++) {
            lines.add(i + ",k" + i + ",2024-05-01T10:00:00Z,session,email");
        }
        Path touches = Files.write(dir.resolve("touchpoints.csv"), lines);

        CliRun shown = CliRun.of(args("import", "touchpoints", touches.toString()));
        CliRun quiet = CliRun.of(args("import", "touchpoints", touches.toString(), "--quiet"));

        assertThat(shown.code()).isZero();
        assertThat(shown.err()).contains("touchpoints.csv").contains("KB").contains("3000 rows");
        assertThat(shown.out()).contains("3000 touchpoints imported");
        assertThat(quiet.code()).isZero();
        assertThat(quiet.err()).isEmpty();
        assertThat(quiet.out()).isEmpty();
    }

    @Test
    void an_unknown_import_kind_is_a_usage_error_naming_the_kinds() throws Exception {
        Path file = Files.write(dir.resolve("x.csv"), List.of("a"));

        CliRun run = CliRun.of(args("import", "visits", file.toString()));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("unknown kind 'visits': touchpoints, conversions or orders");
    }

    @Test
    void imported_exports_answer_attribution_and_funnel_questions() throws Exception {
        Path touches = Files.write(dir.resolve("touchpoints.csv"), List.of(
                "touchpoint_id,customer_key,occurred_at,touch_type,channel",
                "1,k,2024-05-01T10:00:00Z,video_view,tiktok",
                "2,k,2024-05-02T10:00:00Z,session,email"));
        Path conversions = Files.write(dir.resolve("conversions.csv"), List.of(
                "conversion_id,customer_key,occurred_at,revenue,currency", "1,k,2024-05-03T10:00:00Z,10.0000,EUR"));

        assertThat(run(args("import", "touchpoints", touches.toString()))).contains("2 touchpoints imported");
        run(args("import", "conversions", conversions.toString()));

        String csv = run(args("attribution", "--model", "linear", "--format", "csv"));
        assertThat(csv.lines().toList()).containsExactly("model,currency,channel,conversions,revenue",
                "linear,EUR,email,0.500000,5.0000", "linear,EUR,tiktok,0.500000,5.0000");
        assertThat(run(args("attribution", "--format", "json", "--by", "channel"))).contains("\"model\" : \"time_decay\"");
        String funnel = run(args("funnel", "--from", "2024-05-01", "--to", "2024-06-01"));
        assertThat(funnel).contains("awareness").contains("conversion").contains("purchasing customers: 1");
    }

    @Test
    void an_import_into_the_embedded_warehouse_leaves_the_six_models_by_channel_computed_and_current() throws Exception {
        Path touches = Files.write(dir.resolve("touchpoints.csv"), List.of(
                "touchpoint_id,customer_key,occurred_at,touch_type,channel",
                "1,k,2024-05-01T10:00:00Z,video_view,tiktok", "2,k,2024-05-02T10:00:00Z,session,email"));
        Path conversions = Files.write(dir.resolve("conversions.csv"), List.of(
                "conversion_id,customer_key,occurred_at,revenue,currency", "1,k,2024-05-03T10:00:00Z,10.0000,EUR"));

        assertThat(run(args("import", "touchpoints", touches.toString())))
                .contains("attribution by channel kept ready: 6 model(s) computed");
        assertThat(run(args("import", "conversions", conversions.toString())))
                .contains("attribution by channel kept ready: 0 model(s) computed, 1 conversion(s) recomputed");

        try (org.unifiedanalytics.model.Warehouse warehouse =
                     org.unifiedanalytics.model.Warehouse.embedded(dir.resolve("warehouse"))) {
            var unit = org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_UNIT;
            assertThat(warehouse.dsl().select(unit.GROUP_BY).from(unit).fetch(unit.GROUP_BY)).hasSize(6).containsOnly("CHANNEL");
            assertThat(warehouse.dsl().fetchCount(org.unifiedanalytics.model.schema.Tables.ATTRIBUTION_CHANGE)).isZero();
        }
        assertThat(run(args("attribution", "--model", "first_touch", "--format", "csv")).lines().toList())
                .containsExactly("model,currency,channel,conversions,revenue", "first_touch,EUR,tiktok,1.000000,10.0000");
    }
}
