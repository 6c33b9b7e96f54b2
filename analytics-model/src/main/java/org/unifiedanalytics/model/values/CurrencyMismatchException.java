package org.unifiedanalytics.model.values;

import org.unifiedanalytics.model.AnalyticsException;

/** Thrown when amounts in different currencies would be combined. */
public final class CurrencyMismatchException extends AnalyticsException {
    private static final long serialVersionUID = 1L;

    CurrencyMismatchException(Money left, Money right) {
        super("cannot combine amounts in different currencies: " + left + " and " + right);
    }
}
