package org.unifiedanalytics.model.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarketingChannelTest {

    @ParameterizedTest(name = "{0} / {1} is {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null      | null     | direct",
            "TikTok    | social   | tiktok",
            "instagram | referral | instagram",
            "klaviyo   | null     | email",
            "newsletter| email    | email",
            "google    | organic  | organic_search",
            "blog.example.com | referral | referral",
    })
    void the_channel_is_the_platform_or_the_ga4_group(String source, String medium, String channel) {
        assertThat(MarketingChannel.of(source, medium)).isEqualTo(channel);
    }
}
