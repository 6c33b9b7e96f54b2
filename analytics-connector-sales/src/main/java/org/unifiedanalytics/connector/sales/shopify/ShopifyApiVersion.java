package org.unifiedanalytics.connector.sales.shopify;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stable Admin API version ({@code 2026-10}): Shopify releases one each quarter, on the first day of January,
 * April, July and October, and serves each for at least twelve months after its release.
 */
record ShopifyApiVersion(String name, LocalDate released) {
    private static final Pattern STABLE = Pattern.compile("(\\d{4})-(01|04|07|10)");

    /** The version of a name, or empty when it is not a stable version ({@code unstable}, {@code 2026-02}). */
    static Optional<ShopifyApiVersion> parse(String name) {
        Matcher m = STABLE.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ShopifyApiVersion(name, LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1)));
    }

    /** The first day Shopify no longer serves it. */
    LocalDate retired() {
        return released.plusMonths(12);
    }

    boolean retiredBy(LocalDate today) {
        return !today.isBefore(retired());
    }

    /** Whether it retires within three months of {@code today}: time to test a newer one. */
    boolean retiringSoon(LocalDate today) {
        return !retiredBy(today) && today.plusMonths(3).isAfter(retired().minusDays(1));
    }
}
