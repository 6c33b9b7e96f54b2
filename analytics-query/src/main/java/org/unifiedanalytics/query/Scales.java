package org.unifiedanalytics.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The fixed scales of the numbers the queries return, the same on H2 and PostgreSQL, so that results print
 * and compare without rounding of one's own.
 *
 * <ul>
 *   <li>{@link #CONVERSIONS}: attributed conversions, in millionths. Each conversion's credits are split over
 *       its groups by the largest-remainder method (like its revenue), so they add up to exactly
 *       {@code 1.000000} under every model, and a group's total is exactly the sum of its conversions' credits:
 *       the attributed conversions of one model and currency add up to the number of conversions.</li>
 *   <li>{@link #MONEY}: amounts and amounts per unit (average order value, revenue per recipient), in the
 *       warehouse's 0.0001, rounded half-even.</li>
 *   <li>{@link #RATE}: rates and relative changes (funnel and journey rates, open, click, engagement and
 *       conversion rates, repeat-purchase rate, period-over-period change), rounded half-even:
 *       {@code 0.333333} for one in three.</li>
 * </ul>
 */
public final class Scales {
    /** Decimal places of attributed conversions. */
    public static final int CONVERSIONS = 6;
    /** Decimal places of money. */
    public static final int MONEY = 4;
    /** Decimal places of rates and relative changes. */
    public static final int RATE = 6;

    private Scales() {
    }

    /** {@code numerator / denominator} at {@link #RATE}; empty over zero. */
    static Optional<BigDecimal> rate(BigDecimal numerator, BigDecimal denominator) {
        return ratio(numerator, denominator, RATE);
    }

    /** {@code numerator / denominator} at {@link #RATE}; empty over zero. */
    static Optional<BigDecimal> rate(long numerator, long denominator) {
        return rate(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator));
    }

    /** An amount per unit, at {@link #MONEY}; empty over zero. */
    static Optional<BigDecimal> moneyPer(BigDecimal amount, BigDecimal units) {
        return ratio(amount, units, MONEY);
    }

    private static Optional<BigDecimal> ratio(BigDecimal numerator, BigDecimal denominator, int scale) {
        return denominator.signum() == 0 ? Optional.empty() : Optional.of(numerator.divide(denominator, scale, RoundingMode.HALF_EVEN));
    }
}
