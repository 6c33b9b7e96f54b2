package org.unifiedanalytics.model.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.unifiedanalytics.model.values.Money;

class ContentMetricsTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 8);
    private static final Instant AT = Instant.parse("2026-03-09T06:00:00Z");

    @Test
    void the_builder_sets_the_metrics_it_names_and_leaves_the_others_unknown() {
        ContentMetrics built = ContentMetrics.builder("tiktok_shop", "7311", DAY, "7001", Counting.DAILY, AT)
                .views(2_000L).productClicks(250L).attributedGmv(Money.of("20.50", "USD")).orders(2L).unitsSold(3L)
                .clickThroughRate(new BigDecimal("0.125")).build();

        assertThat(built).isEqualTo(new ContentMetrics("tiktok_shop", "7311", DAY, "7001", Counting.DAILY, 2_000L, null, null, null,
                null, null, null, null, 250L, null, null, null, Money.of("20.50", "USD"), 2L, 3L, new BigDecimal("0.125"), AT));
    }
}
