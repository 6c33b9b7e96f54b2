package org.unifiedanalytics.examples.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.ingest.Ingestion;
import org.unifiedanalytics.model.Warehouse;

/** What the dashboard's server answers, before any browser: host checks and the headers that keep pages safe. */
class DashboardServerTest {

    private static List<String> get(int port, String host, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.add(line);
            }
            return head;
        }
    }

    @Test
    void a_request_for_another_host_name_is_refused_so_dns_rebinding_reads_nothing() throws Exception {
        try (Warehouse warehouse = Warehouse.inMemory("dashboard_host"); DashboardServer server = start(warehouse)) {
            int port = server.url().getPort();

            List<String> rebound = get(port, "attacker.example:" + port, "/api/all");
            List<String> local = get(port, "127.0.0.1:" + port, "/");

            assertThat(rebound.get(0)).contains(" 421");
            assertThat(local.get(0)).contains(" 200");
        }
    }

    @Test
    void pages_forbid_foreign_scripts_and_content_sniffing() throws Exception {
        try (Warehouse warehouse = Warehouse.inMemory("dashboard_headers"); DashboardServer server = start(warehouse)) {
            List<String> head = get(server.url().getPort(), "localhost:" + server.url().getPort(), "/");

            assertThat(head).anySatisfy(h -> assertThat(h.toLowerCase()).startsWith("content-security-policy:")
                    .contains("script-src 'self'"));
            assertThat(head).anySatisfy(h -> assertThat(h.toLowerCase()).isEqualTo("x-content-type-options: nosniff"));
        }
    }

    private static DashboardServer start(Warehouse warehouse) throws Exception {
        warehouse.migrate();
        return DashboardServer.start(warehouse, Ingestion.on(warehouse), 0);
    }
}
