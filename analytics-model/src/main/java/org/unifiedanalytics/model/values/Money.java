package org.unifiedanalytics.model.values;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Amounts are exact decimals, never doubles, and two amounts in
 * different currencies are never added silently: {@link #plus(Money)} refuses them.
 *
 * <pre>{@code
 * Money total = Money.of("19.99", "EUR").plus(Money.of("4.95", "EUR"));   // EUR 24.94
 * }</pre>
 *
 * @param amount   the exact amount; the warehouse keeps up to {@value #SCALE} decimal places
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The number of decimal places the warehouse stores ({@code NUMERIC(18,4)}). */
    public static final int SCALE = 4;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Money from a decimal string such as {@code "12.50"} and an ISO 4217 code such as {@code "USD"}. */
    public static Money of(String amount, String currencyCode) {
        Objects.requireNonNull(amount, "amount");
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal amount: '" + amount + "'", e);
        }
        return new Money(value, currency(currencyCode));
    }

    /** Money from an exact amount and an ISO 4217 code. */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /** Zero in the given currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The currency for an ISO 4217 code, case-insensitive.
     *
     * @throws IllegalArgumentException naming the code when it is not an ISO 4217 currency
     */
    public static Currency currency(String currencyCode) {
        Objects.requireNonNull(currencyCode, "currencyCode");
        String code = currencyCode.trim().toUpperCase(java.util.Locale.ROOT);
        if (code.length() != 3) {
            throw new IllegalArgumentException("unknown currency code '" + currencyCode + "': an ISO 4217 code has three letters");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency code '" + currencyCode + "'", e);
        }
    }

    /** The sum of two amounts of the same currency. */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** The difference of two amounts of the same currency. */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** The ISO 4217 code of the currency. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    /** Equal amounts regardless of scale: {@code 1.5 EUR} equals {@code 1.50 EUR}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(this, other);
        }
    }
}
