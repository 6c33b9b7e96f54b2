package com.example.popup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unifiedanalytics.query.AttributedRevenue;

class PopupAnalyticsTest {

    @Test
    void the_till_log_is_attributed_linearly_to_the_channels_that_brought_each_buyer(@TempDir Path dir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        List<AttributedRevenue> rows = PopupAnalytics.run(dir.resolve("analytics"), Path.of("till-log.csv"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        // Ada: tiktok then email (42.00); Bob: tiktok (30.00); Cy: instagram, tiktok, email (10.00, a third each,
        // the odd cent and millionth to the smaller key); a guest's sale (15.00) to (direct).
        assertEquals(List.of(
                        "(direct) 1.000000 15.0000",
                        "email 0.833334 24.3334",
                        "instagram 0.333333 3.3333",
                        "tiktok 1.833333 54.3333"),
                rows.stream().map(r -> r.groupKey() + " " + r.attributedConversions() + " " + r.attributedRevenue()).toList());
        assertEquals(new BigDecimal("4.000000"), rows.stream().map(AttributedRevenue::attributedConversions)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("popup/till_log backfill SUCCEEDED: 14 read, 14 written"), output);
        assertTrue(output.contains("tiktok     1.833333 conversions  54.3333 EUR"), output);
    }
}
