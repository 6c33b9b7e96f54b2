package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.testkit.FakeApiServer;

import com.example.storeorders.fake.FakeStoreOrdersApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a person or a script meets first: help on every command, the version, suggestions, --json and --quiet. */
class CliUsageTest {

    @Test
    void help_works_on_a_command_with_required_parameters_and_shows_its_options_with_their_defaults() {
        CliRun run = CliRun.of(new String[]{"check", "--help"});

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: analytics check").contains("<connector>")
                .contains("--embedded=<embedded>").contains("Default: data/analytics")
                .contains("-h, --help").contains("-V, --version");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void every_command_answers_dash_h() {
        for (String command : new String[]{"connectors", "check", "sync", "backfill", "status", "compact", "run", "import",
                "attribution", "funnel", "kpis"}) {
            CliRun run = CliRun.of(new String[]{command, "-h"});

            assertThat(run.code()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: analytics " + command);
        }
    }

    @Test
    void the_help_command_prints_a_commands_usage() {
        CliRun run = CliRun.of(new String[]{"help", "backfill"});

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("Usage: analytics backfill").contains("--from=<from>").contains("--to=<to>");
    }

    @Test
    void version_names_the_sdk_version_the_cli_was_built_from() {
        CliRun run = CliRun.of(new String[]{"--version"});

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("Unified Analytics " + CliVersion.sdkVersion()).contains("Java 17");
        assertThat(CliVersion.sdkVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void a_mistyped_command_exits_2_and_suggests_the_closest() {
        CliRun run = CliRun.of(new String[]{"synk", "store-orders"});

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument").contains("Did you mean").contains("sync");
    }

    @Test
    void a_mistyped_option_exits_2_and_suggests_the_closest() {
        CliRun run = CliRun.of(new String[]{"backfill", "store-orders", "--from", "2026-01-01", "--to", "2026-02-01",
                "--strems", "orders"});

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--strems'").contains("Possible solutions: --streams");
    }

    @Test
    void help_never_shows_a_secret_taken_from_the_environment() {
        // The environment cannot be changed here; the options that read secrets from it must never print their value.
        CliRun run = CliRun.of(new String[]{"sync", "--help"});

        assertThat(run.out()).contains("--credentials-key").contains("--database-password")
                .doesNotContain("Default: ${env:");
        picocli.CommandLine.Model.CommandSpec spec = Cli.commandLine().getCommandSpec();
        for (String secret : new String[]{"--credentials-key", "--database-password", "--database", "--database-user"}) {
            assertThat(spec.findOption(secret).showDefaultValue()).as(secret)
                    .isEqualTo(picocli.CommandLine.Help.Visibility.NEVER);
        }
    }

    @Test
    void json_prints_one_document_a_script_can_read_and_quiet_prints_nothing(@TempDir Path dir) throws Exception {
        try (FakeApiServer api = FakeStoreOrdersApi.start(FakeStoreOrdersApi.many(5, Instant.parse("2026-01-02T00:00:00Z")))) {
            Path config = Files.writeString(dir.resolve("analytics.properties"), String.join("\n",
                    "store-orders.api_key=" + FakeStoreOrdersApi.KEY, "store-orders.store_id=" + FakeStoreOrdersApi.STORE,
                    "store-orders.base_url=" + api.baseUrl()));
            String[] where = {"--embedded", dir.resolve("warehouse").toString(), "-c", config.toString()};

            CliRun json = CliRun.of(new String[]{"backfill", "store-orders", "--from", "2026-01-01", "--to", "2026-02-01",
                    "--json"}, where);
            CliRun quiet = CliRun.of(new String[]{"sync", "store-orders", "--quiet"}, where);
            CliRun status = CliRun.of(new String[]{"status", "--json"}, where);

            assertThat(json.code()).as(json.err()).isZero();
            JsonNode report = new ObjectMapper().readTree(json.out());
            assertThat(report.path("succeeded").asBoolean()).isTrue();
            assertThat(report.path("streams").get(0).path("stream").asText()).isEqualTo("orders");
            assertThat(report.path("streams").get(0).path("recordsRejected").asLong()).isZero();
            assertThat(report.path("recordsWritten").asLong()).isPositive();
            assertThat(quiet.code()).isZero();
            assertThat(quiet.out()).isEmpty();
            JsonNode streams = new ObjectMapper().readTree(status.out()).path("streams");
            assertThat(streams.get(0).path("lastStatus").asText()).isEqualTo("SUCCEEDED");
        }
    }
}
