package org.unifiedanalytics.model.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases taken from GA4's published default channel-group rules, in their order of evaluation. */
class ChannelClassifierTest {

    private final ChannelClassifier classifier = ChannelClassifier.ga4Default();

    @ParameterizedTest(name = "{0} / {1} / {2} is {3}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // Direct: source (direct) and medium (none) or (not set); nothing at all is direct too
            "(direct)        | (none)         | null              | Direct",
            "(direct)        | (not set)      | null              | Direct",
            "null            | null           | null              | Direct",
            // Cross-network: the campaign name says so, before any paid rule
            "google          | cpc            | pmax cross-network| Cross-network",
            // Paid Shopping: shopping site or shopping campaign, with a paid medium
            "amazon.com      | cpc            | null              | Paid Shopping",
            "google          | cpc            | summer shopping   | Paid Shopping",
            // Paid Search, Paid Social, Paid Video: a site of the category with a paid medium
            "google          | cpc            | brand             | Paid Search",
            "bing            | ppc            | null              | Paid Search",
            "facebook.com    | paid-social    | null              | Paid Social",
            "tiktok          | cpm            | launch            | Paid Social",
            "youtube.com     | cpv            | null              | Paid Video",
            // Display: display media (cpm elsewhere is caught by the social rule above only for social sites)
            "news-site.com   | banner         | null              | Display",
            "news-site.com   | display        | null              | Display",
            // Paid Other: a paid medium from anywhere else
            "newsletter-ads  | cpa            | null              | Paid Other",
            "partner         | retargeting    | null              | Paid Other",
            // Organic Shopping, Social, Video, Search
            "etsy.com        | referral       | null              | Organic Shopping",
            "m.facebook.com  | referral       | null              | Organic Social",
            "l.instagram.com | referral       | null              | Organic Social",
            "tiktok          | social         | spring            | Organic Social",
            "somewhere       | social-network | null              | Organic Social",
            "vimeo.com       | referral       | null              | Organic Video",
            "somewhere       | video          | null              | Organic Video",
            "google          | organic        | null              | Organic Search",
            "duckduckgo.com  | referral       | null              | Organic Search",
            "someengine      | organic        | null              | Organic Search",
            // Referral, Email, Affiliates, Audio, SMS, Mobile Push
            "blog.example.com| referral       | null              | Referral",
            "partner-app     | app            | null              | Referral",
            "klaviyo         | email          | spring            | Email",
            "e-mail          | newsletter     | null              | Email",
            "partner         | affiliate      | null              | Affiliates",
            "podcast         | audio          | null              | Audio",
            "sms             | text           | null              | SMS",
            "attentive       | sms            | null              | SMS",
            "app             | web-push       | null              | Mobile Push Notifications",
            "firebase        | (none)         | null              | Mobile Push Notifications",
            // Unassigned: nothing matches
            "mystery         | offline        | null              | Unassigned",
    })
    void classifies_by_the_ga4_default_rules(String source, String medium, String campaign, String group) {
        assertThat(classifier.classify(source, medium, campaign)).isEqualTo(ChannelGroup.of(group));
    }

    @Test
    void values_are_compared_without_case_or_surrounding_space() {
        assertThat(classifier.classify(" TikTok ", "SOCIAL", null)).isEqualTo(ChannelGroup.ORGANIC_SOCIAL);
    }

    @Test
    void a_users_rules_come_before_the_ga4_rules() {
        ChannelGroup influencers = ChannelGroup.of("Influencers");
        ChannelClassifier custom = ChannelClassifier.builder()
                .addRule(influencers, t -> t.medium().equals("influencer"))
                .build();

        assertThat(custom.classify("tiktok", "influencer", null)).isEqualTo(influencers);
        assertThat(custom.classify("tiktok", "social", null)).isEqualTo(ChannelGroup.ORGANIC_SOCIAL);
    }

    @Test
    void a_user_can_add_sites_to_a_source_category() {
        ChannelClassifier custom = ChannelClassifier.builder().addSources(SourceCategory.SOCIAL, "newsocial.app").build();

        assertThat(classifier.classify("newsocial.app", "referral", null)).isEqualTo(ChannelGroup.REFERRAL);
        assertThat(custom.classify("newsocial.app", "referral", null)).isEqualTo(ChannelGroup.ORGANIC_SOCIAL);
    }
}
