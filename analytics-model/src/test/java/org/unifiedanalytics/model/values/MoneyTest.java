package org.unifiedanalytics.model.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amounts_of_one_currency_add_exactly() {
        assertThat(Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"))).isEqualTo(Money.of("0.3", "EUR"));
    }

    @Test
    void amounts_in_different_currencies_are_never_added() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("EUR 1").hasMessageContaining("USD 1");
    }

    @Test
    void an_unknown_currency_code_is_named_in_the_error() {
        assertThatThrownBy(() -> Money.of("1", "XQQ")).hasMessageContaining("unknown currency code 'XQQ'");
        assertThatThrownBy(() -> Money.of("1", "EURO")).hasMessageContaining("'EURO'");
    }

    @Test
    void a_malformed_amount_is_named_in_the_error() {
        assertThatThrownBy(() -> Money.of("12,50", "EUR")).hasMessageContaining("'12,50'");
    }

    @Test
    void currency_codes_are_case_insensitive() {
        assertThat(Money.of("5", "usd").currencyCode()).isEqualTo("USD");
    }
}
