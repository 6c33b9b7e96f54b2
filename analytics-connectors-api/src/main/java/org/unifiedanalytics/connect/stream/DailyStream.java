package org.unifiedanalytics.connect.stream;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A stream of daily metrics by reporting date, read in date windows. Every incremental run re-reads the
 * last {@link DailyWindow#lookbackDays()} days, because platforms revise recent numbers.
 *
 * <pre>{@code
 * public Page readDays(String account, DateRange days, Optional<String> pageToken) {
 *     JsonNode body = api.get("/report", Map.of("start", days.from(), "end", days.lastDay(), "cursor", pageToken.orElse("")));
 *     return new Page(toRecords(body), nextCursor(body));
 * }
 * }</pre>
 */
public non-sealed interface DailyStream extends SourceStream {

    DailyWindow window();

    /** The zone in which the source reports this account's dates; "today" is computed in it. Default UTC. */
    default ZoneId reportingZone(String account) {
        return ZoneOffset.UTC;
    }

    /**
     * The earliest reporting date the source still serves for the account, if it serves only recent days (TikTok's
     * daily account metrics: about 60 days). Windows are cut to start there: days before it are not asked for, and
     * stored days before it are kept as they are, never replaced by the nothing the source would answer. The sync
     * report says which days were left out. Default: no limit.
     */
    default Optional<java.time.LocalDate> earliestDay(String account) {
        return Optional.empty();
    }

    /**
     * Reads one page of the account's metrics for the reporting dates {@code days}.
     *
     * @param pageToken empty for the window's first page, else the token the previous page returned
     */
    Page readDays(String account, DateRange days, Optional<String> pageToken) throws Exception;
}
