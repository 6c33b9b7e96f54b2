package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attribution specification implemented plainly in Java, apart from the SQL, to cross-check it on
 * random data: exact rationals for the five rational models, doubles for time decay.
 */
final class ReferenceAttribution {

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
                add(groups, "(direct)", BigDecimal.ONE, units);
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
                Map<String, Long> base = new TreeMap<>();
                Map<String, Double> rem = new TreeMap<>();
                long left = units;
                for (var e : q.entrySet()) {
                    double raw = units * e.getValue();
                    long b = (long) Math.floor(raw);
                    base.put(e.getKey(), b);
                    rem.put(e.getKey(), raw - b);
                    left -= b;
                }
                List<String> order = new ArrayList<>(q.keySet());
                order.sort(Comparator.comparing((String k) -> rem.get(k)).reversed().thenComparing(k -> k));
                for (String k : q.keySet()) {
                    long extra = order.indexOf(k) < left ? 1 : 0;
                    add(groups, k, BigDecimal.valueOf(q.get(k)), base.get(k) + extra);
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
            Map<String, Long> base = new TreeMap<>();
            Map<String, Long> rem = new TreeMap<>();
            long left = units;
            for (var e : ng.entrySet()) {
                BigInteger raw = BigInteger.valueOf(units).multiply(BigInteger.valueOf(e.getValue()));
                BigInteger[] qr = raw.divideAndRemainder(BigInteger.valueOf(d));
                base.put(e.getKey(), qr[0].longValueExact());
                rem.put(e.getKey(), qr[1].longValueExact());
                left -= qr[0].longValueExact();
            }
            List<String> order = new ArrayList<>(ng.keySet());
            order.sort(Comparator.comparing((String k) -> rem.get(k)).reversed().thenComparing(k -> k));
            for (String k : ng.keySet()) {
                long extra = order.indexOf(k) < left ? 1 : 0;
                add(groups, k, new BigDecimal(ng.get(k)).divide(new BigDecimal(d), MathContext.DECIMAL128), base.get(k) + extra);
            }
        }
        return out;
    }

    private static void add(Map<String, BigDecimal[]> groups, String key, BigDecimal credit, long units) {
        BigDecimal[] totals = groups.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        totals[0] = totals[0].add(credit);
        totals[1] = totals[1].add(BigDecimal.valueOf(units, 4));
    }

    private ReferenceAttribution() {
    }
}
