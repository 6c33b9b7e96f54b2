package org.unifiedanalytics.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * When a connector is refreshed: every so often, daily at a time of day in a zone, or never. A schedule only
 * says when a refresh starts; what it reads comes from the sync state, so a node that was down for three days
 * catches up three days on its next run.
 *
 * <pre>{@code
 * RefreshSchedule hourly = RefreshSchedule.parse("every 1h");
 * RefreshSchedule morning = RefreshSchedule.parse("daily 06:00 Europe/Paris");   // 06:00 in Paris, summer and winter
 * }</pre>
 */
public sealed interface RefreshSchedule {

    /** The first instant of the schedule strictly after {@code instant}; {@link Off} has none. */
    Instant next(Instant instant);

    /** How long data may be old before it is late: the time between two runs. */
    Duration expectedInterval();

    /** Every {@code interval}, counted from the end of the previous run. */
    record Every(Duration interval) implements RefreshSchedule {
        public Every {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("a refresh interval is at least one minute, got " + interval);
            }
        }

        @Override
        public Instant next(Instant instant) {
            return instant.plus(interval);
        }

        @Override
        public Duration expectedInterval() {
            return interval;
        }

        @Override
        public String toString() {
            return "every " + interval.toString().substring(2).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Daily at a wall-clock time in a zone. Across a daylight-saving change the wall-clock time holds; a time the
     * change skips runs at the first instant after the gap, and a time it repeats runs once.
     */
    record DailyAt(LocalTime time, ZoneId zone) implements RefreshSchedule {
        public DailyAt {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(zone, "zone");
        }

        @Override
        public Instant next(Instant instant) {
            LocalDate day = instant.atZone(zone).toLocalDate();
            for (int d = 0; ; d++) {
                Instant candidate = ZonedDateTime.of(day.plusDays(d), time, zone).toInstant();
                if (candidate.isAfter(instant)) {
                    return candidate;
                }
            }
        }

        @Override
        public Duration expectedInterval() {
            return Duration.ofDays(1);
        }

        @Override
        public String toString() {
            return "daily " + time + " " + zone;
        }
    }

    /** Not refreshed by the scheduler (a connector switched off, or synced by hand). */
    record Off() implements RefreshSchedule {
        @Override
        public Instant next(Instant instant) {
            throw new UnsupportedOperationException("a connector that is off has no next refresh");
        }

        @Override
        public Duration expectedInterval() {
            return Duration.ZERO;
        }

        @Override
        public String toString() {
            return "off";
        }
    }

    /**
     * Reads {@code every <duration>} ({@code 30m}, {@code 6h}, {@code 1d} or ISO-8601 {@code PT6H}),
     * {@code hourly}, {@code daily <HH:mm> [<zone>]} (zone default UTC) or {@code off}.
     *
     * @throws IllegalArgumentException naming what is wrong and what would be right
     */
    static RefreshSchedule parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip().replaceAll("\\s+", " ");
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("off")) {
            return new Off();
        }
        if (lower.equals("hourly")) {
            return new Every(Duration.ofHours(1));
        }
        if (lower.startsWith("every ")) {
            try {
                return new Every(duration(t.substring(6).strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + t + "': " + e.getMessage(), e);
            }
        }
        if (lower.startsWith("daily")) {
            String[] parts = t.split(" ");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("'" + t + "': a daily schedule is 'daily HH:mm [zone]', e.g. 'daily 06:00 Europe/Paris'");
            }
            LocalTime time;
            try {
                time = LocalTime.parse(parts[1]);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + t + "': '" + parts[1] + "' is not a time of day (HH:mm)");
            }
            ZoneId zone;
            try {
                zone = parts.length == 3 ? ZoneId.of(parts[2]) : ZoneId.of("UTC");
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("'" + t + "': '" + parts[2] + "' is not a time zone (e.g. Europe/Paris)");
            }
            return new DailyAt(time, zone);
        }
        throw new IllegalArgumentException("'" + t + "' is not a schedule: write 'every 1h', 'hourly', 'daily 06:00 Europe/Paris' or 'off'");
    }

    private static Duration duration(String text) {
        try {
            if (text.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Duration.parse(text);
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an interval: write 30m, 6h, 1d or PT6H");
        }
    }
}
