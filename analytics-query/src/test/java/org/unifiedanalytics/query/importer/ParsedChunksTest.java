package org.unifiedanalytics.query.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ParsedChunksTest {

    @Test
    void chunks_arrive_in_order_and_then_the_end() {
        List<Integer> seen = new ArrayList<>();
        try (ParsedChunks<Integer> chunks = new ParsedChunks<>("test", sink -> {
            for (int i = 0; i < 50; i++) {
                sink.accept(i);
            }
        })) {
            for (Optional<Integer> chunk = chunks.next(); chunk.isPresent(); chunk = chunks.next()) {
                seen.add(chunk.get());
            }
            assertThat(chunks.next()).as("asked again after the end").isEmpty();
        }
        assertThat(seen).hasSize(50).isSorted().startsWith(0).endsWith(49);
    }

    @Test
    void what_the_producer_throws_comes_after_the_chunks_it_produced_before() {
        try (ParsedChunks<String> chunks = new ParsedChunks<>("test", sink -> {
            sink.accept("first");
            throw new CsvImportException(List.of("x.csv: cannot be read as CSV"));
        })) {
            assertThat(chunks.next()).contains("first");
            assertThatThrownBy(chunks::next).isInstanceOf(CsvImportException.class).hasMessageContaining("x.csv");
        }
    }

    @Test
    void closing_before_the_end_stops_a_producer_that_waits_for_the_consumer() throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        ParsedChunks<Integer> chunks = new ParsedChunks<>("test", sink -> {
            try {
                for (int i = 0; ; i++) {
                    sink.accept(i);
                }
            } finally {
                stopped.countDown();
            }
        });
        assertThat(chunks.next()).contains(0);

        chunks.close();

        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
