package org.unifiedanalytics.query;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One customer's journey funnel, walked in memory: the same running-maximum formulation as the SQL of
 * {@code FunnelQueries} (each step-j event extends the latest start that reached step j-1 at or before it, within the
 * window of that start), for a database that evaluates the SQL's chain of window functions slowly (H2: 44 s for
 * 1,000,000 touchpoints, each level a sort of every row). The caller streams one customer's matching events at a time.
 */
final class JourneyWalk {

    /** An event that matches a step: a touch, or a conversion with a negative id so that it never ties with a touch. */
    record Event(LocalDateTime at, int step, long id, String group) {
    }

    /**
     * @param furthest   the furthest step of the customer's best attempt; 0 when no attempt started in the entry period
     * @param startGroup the channel group of the best attempt's start: the latest start, in time then id order, among
     *                   those that reach the furthest step; null for a conversion as step 1
     */
    record Outcome(int furthest, String startGroup) {
    }

    private static final Comparator<Event> TIME_THEN_ID = Comparator.comparing(Event::at).thenComparingLong(Event::id);
    private static final Comparator<Event> TIME_THEN_STEP = Comparator.comparing(Event::at).thenComparingInt(Event::step)
            .thenComparingLong(Event::id);

    private final int steps;
    private final long windowSeconds;
    private final LocalDateTime entryFrom;
    private final LocalDateTime entryTo;

    JourneyWalk(int steps, long windowSeconds, LocalDateTime entryFrom, LocalDateTime entryTo) {
        this.steps = steps;
        this.windowSeconds = windowSeconds;
        this.entryFrom = entryFrom;
        this.entryTo = entryTo;
    }

    /** Walks one customer's matching events, in any order. */
    Outcome walk(List<Event> events) {
        // a start's rank: its row number among all the customer's matching events in time then id order
        List<Event> byId = new ArrayList<>(events);
        byId.sort(TIME_THEN_ID);
        java.util.Map<Event, Long> rank = new java.util.IdentityHashMap<>();
        for (int i = 0; i < byId.size(); i++) {
            rank.put(byId.get(i), (long) i + 1);
        }
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(TIME_THEN_STEP);
        LocalDateTime[] bestStart = new LocalDateTime[steps + 1];
        long[] bestRank = new long[steps + 1];
        java.util.Map<Long, String> startGroups = new java.util.HashMap<>();
        for (Event event : ordered) {
            int j = event.step();
            LocalDateTime start;
            long startRank;
            if (j == 1) {
                if (event.at().isBefore(entryFrom) || !event.at().isBefore(entryTo)) {
                    continue;
                }
                start = event.at();
                startRank = rank.get(event);
                startGroups.put(startRank, event.group());
            } else {
                LocalDateTime previous = bestStart[j - 1];
                if (previous == null || event.at().isAfter(previous.plusSeconds(windowSeconds))) {
                    continue;
                }
                start = previous;
                startRank = bestRank[j - 1];
            }
            if (bestStart[j] == null || start.isAfter(bestStart[j])) {
                bestStart[j] = start;
            }
            bestRank[j] = Math.max(bestRank[j], startRank);
        }
        for (int j = steps; j >= 1; j--) {
            if (bestRank[j] > 0) {
                return new Outcome(j, startGroups.get(bestRank[j]));
            }
        }
        return new Outcome(0, null);
    }
}
