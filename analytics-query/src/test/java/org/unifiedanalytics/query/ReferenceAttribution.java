package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attribution specification implemented plainly in Java, apart from the SQL, to cross-check it on
 * random data: exact rationals for the five rational models, doubles for time decay. Each conversion's
 * credit (in millionths) and revenue (in 0.0001 units) are split over its groups by the largest remainder.
 */
final class ReferenceAttribution {
    private static final long CREDIT_UNITS = 1_000_000L;

    record Touch(long id, String customer, Instant at, String channel) {
    }

    record Conv(long id, String customer, Instant at, BigDecimal revenue, String currency) {
    }

    /** currency -> group -> {conversions, revenue} */
    static Map<String, Map<String, BigDecimal[]>> attribute(AttributionModel model, List<Touch> touches, List<Conv> conversions,
                                                           Duration lookback, Duration halfLife) {
        Map<String, Map<String, BigDecimal[]>> out = new TreeMap<>();
        for (Conv c : conversions) {
            List<Touch> path = new ArrayList<>();
            if (c.customer() != null) {
                Instant start = c.at().minus(lookback);
                for (Touch t : touches) {
                    if (t.customer().equals(c.customer()) && !t.at().isBefore(start) && t.at().isBefore(c.at())) {
                        path.add(t);
                    }
                }
            }
            path.sort(Comparator.comparing(Touch::at).thenComparingLong(Touch::id));
            long units = c.revenue().movePointRight(4).longValueExact();
            Map<String, BigDecimal[]> groups = out.computeIfAbsent(c.currency(), k -> new TreeMap<>());
            if (path.isEmpty()) {
                add(groups, "(direct)", CREDIT_UNITS, units);
                continue;
            }
            int n = path.size();
            if (model == AttributionModel.TIME_DECAY) {
                double youngest = Double.MAX_VALUE;
                double[] ages = new double[n];
                for (int i = 0; i < n; i++) {
                    ages[i] = Duration.between(path.get(i).at(), c.at()).toNanos() / 1e9;
                    youngest = Math.min(youngest, ages[i]);
                }
                Map<String, Double> q = new TreeMap<>();
                double sum = 0;
                double[] w = new double[n];
                for (int i = 0; i < n; i++) {
                    w[i] = Math.pow(2, -(ages[i] - youngest) / (halfLife.toNanos() / 1e9));
                    sum += w[i];
                }
                for (int i = 0; i < n; i++) {
                    q.merge(path.get(i).channel(), w[i] / sum, Double::sum);
                }
                Map<String, Long> revenue = nearlyExactSplit(units, q);
                Map<String, Long> credit = nearlyExactSplit(CREDIT_UNITS, q);
                for (String k : q.keySet()) {
                    add(groups, k, credit.get(k), revenue.get(k));
                }
                continue;
            }
            long d;
            long[] num = new long[n];
            switch (model) {
                case FIRST_TOUCH -> { d = 1; num[0] = 1; }
                case LAST_TOUCH -> { d = 1; num[n - 1] = 1; }
                case LAST_NON_DIRECT -> {
                    d = 1;
                    int m = n - 1;
                    for (int i = n - 1; i >= 0; i--) {
                        if (!path.get(i).channel().equals("direct")) { m = i; break; }
                    }
                    num[m] = 1;
                }
                case LINEAR -> { d = n; java.util.Arrays.fill(num, 1); }
                default -> {
                    if (n == 1) { d = 1; num[0] = 1; }
                    else if (n == 2) { d = 2; num[0] = 1; num[1] = 1; }
                    else { d = 5L * (n - 2); java.util.Arrays.fill(num, 1); num[0] = 2L * (n - 2); num[n - 1] = 2L * (n - 2); }
                }
            }
            Map<String, Long> ng = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                if (num[i] > 0) {
                    ng.merge(path.get(i).channel(), num[i], Long::sum);
                }
            }
            Map<String, Long> revenue = largestRemainder(units, ng, d);
            Map<String, Long> credit = largestRemainder(CREDIT_UNITS, ng, d);
            for (String k : ng.keySet()) {
                add(groups, k, credit.get(k), revenue.get(k));
            }
        }
        return out;
    }

    /** {@code whole * numerator / d} per group in integer units, exactly. */
    private static Map<String, Long> largestRemainder(long whole, Map<String, Long> numerators, long d) {
        Map<String, Long> base = new TreeMap<>();
        Map<String, Long> rem = new TreeMap<>();
        numerators.forEach((k, num) -> {
            BigInteger[] qr = BigInteger.valueOf(whole).multiply(BigInteger.valueOf(num)).divideAndRemainder(BigInteger.valueOf(d));
            base.put(k, qr[0].longValueExact());
            rem.put(k, qr[1].longValueExact());
        });
        return allocate(whole, base, rem);
    }

    /** {@code whole * fraction} per group in integer units, from doubles. */
    private static Map<String, Long> nearlyExactSplit(long whole, Map<String, Double> fractions) {
        Map<String, Long> base = new TreeMap<>();
        Map<String, Double> rem = new TreeMap<>();
        fractions.forEach((k, q) -> {
            double raw = whole * q;
            base.put(k, (long) Math.floor(raw));
            rem.put(k, raw - Math.floor(raw));
        });
        return allocate(whole, base, rem);
    }

    private static <R extends Comparable<R>> Map<String, Long> allocate(long whole, Map<String, Long> base, Map<String, R> rem) {
        long left = whole - base.values().stream().mapToLong(Long::longValue).sum();
        List<String> order = new ArrayList<>(base.keySet());
        order.sort(Comparator.comparing((String k) -> rem.get(k)).reversed().thenComparing(k -> k));
        Map<String, Long> out = new TreeMap<>();
        base.forEach((k, b) -> out.put(k, b + (order.indexOf(k) < left ? 1 : 0)));
        return out;
    }

    private static void add(Map<String, BigDecimal[]> groups, String key, long creditUnits, long units) {
        BigDecimal[] totals = groups.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO.setScale(6), BigDecimal.ZERO});
        totals[0] = totals[0].add(BigDecimal.valueOf(creditUnits, 6));
        totals[1] = totals[1].add(BigDecimal.valueOf(units, 4));
    }

    private ReferenceAttribution() {
    }
}
