package org.unifiedanalytics.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.unifiedanalytics.testkit.FakeApiServer;

import com.example.storeorders.fake.FakeStoreOrdersApi;

/**
 * The CLI in a JVM of its own, for tests that kill it or run two at once: its output, standard error included, is
 * appended to a log file.
 */
public final class CliProcess {

    private CliProcess() {
    }

    /** Starts {@code analytics <arguments>} with these environment variables added. */
    public static Process start(List<String> arguments, Map<String, String> environment, Path log) throws IOException {
        return start(List.of(), arguments, environment, log);
    }

    /** Starts {@code analytics <arguments>} in a JVM with these options (a heap limit, GC logging). */
    public static Process start(List<String> jvmOptions, List<String> arguments, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Cli.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString())));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The environment that configures the example store-orders connector against its fake, five orders a page. */
    public static Map<String, String> storeOrders(FakeApiServer api) {
        return Map.of("ANALYTICS_STORE_ORDERS_BASE_URL", api.baseUrl().toString(),
                "ANALYTICS_STORE_ORDERS_API_KEY", FakeStoreOrdersApi.KEY,
                "ANALYTICS_STORE_ORDERS_STORE_ID", FakeStoreOrdersApi.STORE,
                "ANALYTICS_STORE_ORDERS_PAGE_SIZE", "5");
    }

    /** Waits for the process to end, at most the given seconds, and returns its exit code. */
    public static int finish(Process process, int seconds) throws InterruptedException {
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("the CLI finished in time").isTrue();
        return process.exitValue();
    }
}
