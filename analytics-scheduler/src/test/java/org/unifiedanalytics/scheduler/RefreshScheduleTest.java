package org.unifiedanalytics.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class RefreshScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void a_daily_time_holds_its_wall_clock_time_across_the_spring_daylight_saving_change() {
        RefreshSchedule morning = RefreshSchedule.parse("daily 06:00 Europe/Berlin");

        Instant saturday = morning.next(Instant.parse("2026-03-27T06:00:00Z"));
        Instant sunday = morning.next(saturday);

        assertThat(saturday).isEqualTo(Instant.parse("2026-03-28T05:00:00Z"));   // 06:00 CET
        assertThat(sunday).isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));     // 06:00 CEST
    }

    @Test
    void a_time_the_change_skips_runs_once_just_after_the_gap_and_a_repeated_time_runs_once() {
        RefreshSchedule skipped = new RefreshSchedule.DailyAt(LocalTime.of(2, 30), BERLIN);
        RefreshSchedule repeated = new RefreshSchedule.DailyAt(LocalTime.of(2, 30), BERLIN);

        Instant spring = skipped.next(Instant.parse("2026-03-28T12:00:00Z"));
        Instant autumn = repeated.next(Instant.parse("2026-10-24T12:00:00Z"));

        assertThat(spring).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));   // 03:30 CEST
        assertThat(autumn).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));   // the first 02:30, in CEST
        assertThat(repeated.next(autumn)).isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void intervals_read_short_and_iso_forms() {
        assertThat(RefreshSchedule.parse("every 6h")).isEqualTo(new RefreshSchedule.Every(Duration.ofHours(6)));
        assertThat(RefreshSchedule.parse("every PT30M")).isEqualTo(new RefreshSchedule.Every(Duration.ofMinutes(30)));
        assertThat(RefreshSchedule.parse("hourly")).isEqualTo(new RefreshSchedule.Every(Duration.ofHours(1)));
        assertThat(RefreshSchedule.parse("daily 04:00")).isEqualTo(new RefreshSchedule.DailyAt(LocalTime.of(4, 0), ZoneId.of("UTC")));
        assertThat(RefreshSchedule.parse(" OFF ")).isInstanceOf(RefreshSchedule.Off.class);
    }

    @Test
    void a_schedule_that_cannot_be_read_says_what_would_be_right() {
        assertThatThrownBy(() -> RefreshSchedule.parse("every 6 hours")).hasMessageContaining("30m, 6h, 1d or PT6H");
        assertThatThrownBy(() -> RefreshSchedule.parse("daily 25:00")).hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> RefreshSchedule.parse("daily 06:00 Mars/Olympus")).hasMessageContaining("not a time zone");
        assertThatThrownBy(() -> RefreshSchedule.parse("weekly")).hasMessageContaining("'every 1h'");
        assertThatThrownBy(() -> RefreshSchedule.parse("every 10s")).hasMessageContaining("not an interval");
    }
}
