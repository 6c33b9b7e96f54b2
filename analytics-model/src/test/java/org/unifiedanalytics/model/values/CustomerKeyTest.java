package org.unifiedanalytics.model.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerKeyTest {

    @ParameterizedTest(name = "''{0}'' normalises to ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "  Jane.Doe@Example.COM  | jane.doe@example.com",
            "jane.doe+shop@example.com | jane.doe+shop@example.com",
            "Jane.Doe+tiktok@gmail.com | janedoe@gmail.com",
            "j.a.n.e@googlemail.com | jane@gmail.com",
            "ＪＡＮＥ@example.com | jane@example.com",
    })
    void an_email_is_normalised_before_it_is_hashed(String email, String normalised) {
        assertThat(CustomerKey.normalizeEmail(email)).isEqualTo(normalised);
    }

    @Test
    void the_key_is_the_sha256_of_the_normalised_email() {
        // sha256("jane@example.com"), computed independently: echo -n jane@example.com | sha256sum
        assertThat(CustomerKey.fromEmail(" JANE@example.com").value())
                .isEqualTo("8c87b489ce35cf2e2f39f80e282cb2e804932a56a213983eeeb428407d43b52d");
    }

    @Test
    void one_mailbox_gives_one_key() {
        assertThat(CustomerKey.fromEmail("Jane.Doe@gmail.com")).isEqualTo(CustomerKey.fromEmail("janedoe+promo@googlemail.com"));
        assertThat(CustomerKey.fromEmail("jane@example.com")).isNotEqualTo(CustomerKey.fromEmail("jane@example.org"));
    }

    @Test
    void text_that_is_not_an_email_is_refused_without_repeating_it() {
        assertThatThrownBy(() -> CustomerKey.fromEmail("jane-at-example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an email address")
                .hasMessageNotContaining("jane");
    }

    @Test
    void a_host_key_longer_than_the_column_is_refused() {
        assertThatThrownBy(() -> CustomerKey.of("x".repeat(65))).hasMessageContaining("at most 64");
    }
}
