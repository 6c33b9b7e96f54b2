package org.unifiedanalytics.examples.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as users install it (the assembled distribution, after {@code package}): {@code bin/analytics} starts with
 * nothing but {@code lib/}, and the completion script is there. Run by failsafe in {@code verify}.
 */
class DistributionIT {
    private static final Path HOME = Path.of(System.getProperty("distribution.home", "target/missing-distribution"));

    private static Run analytics(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/analytics").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("analytics %s finished", List.of(args)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Run(int code, String output) {
    }

    @Test
    void the_launcher_is_executable_and_prints_the_version(@TempDir Path dir) throws Exception {
        assertThat(Files.isExecutable(HOME.resolve("bin/analytics"))).as(HOME + "/bin/analytics").isTrue();

        Run run = analytics(dir, "--version");

        assertThat(run.code()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("Unified Analytics 0.");
    }

    @Test
    void the_distribution_finds_every_built_in_connector_and_runs_a_command_end_to_end(@TempDir Path dir) throws Exception {
        Run connectors = analytics(dir, "connectors");
        Run status = analytics(dir, "status", "--json");

        assertThat(connectors.code()).as(connectors.output()).isZero();
        assertThat(connectors.output()).contains("tiktok - ").contains("tiktok-shop - ").contains("shopify - ")
                .contains("ga4 - ").contains("klaviyo - ").contains("store-orders - ");
        assertThat(status.code()).as(status.output()).isZero();
        assertThat(Files.exists(dir.resolve("data/analytics.mv.db"))).as("the embedded warehouse, made in the work directory").isTrue();
    }

    @Test
    void the_completion_script_completes_the_commands() throws Exception {
        String script = Files.readString(HOME.resolve("completion/analytics_completion"));

        assertThat(script).contains("complete -F _complete_analytics").contains("backfill").contains("attribution");
        assertThat(Files.exists(HOME.resolve("bin/analytics.bat"))).isTrue();
    }
}
