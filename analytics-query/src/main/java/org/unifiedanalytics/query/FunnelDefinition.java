package org.unifiedanalytics.query;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which touch types feed the first five stages of the marketing funnel (conversion counts orders and
 * loyalty repeat customers). {@link #DEFAULT} follows the attribution specification:
 * awareness {@code video_view}; engagement {@code like, comment, share, save}; interest
 * {@code profile_visit, product_click}; consideration {@code session}; intent {@code add_to_cart, checkout}.
 */
public record FunnelDefinition(Set<String> awareness, Set<String> engagement, Set<String> interest,
                               Set<String> consideration, Set<String> intent) {

    public static final FunnelDefinition DEFAULT = new FunnelDefinition(Set.of("video_view"),
            Set.of("like", "comment", "share", "save"), Set.of("profile_visit", "product_click"), Set.of("session"),
            Set.of("add_to_cart", "checkout"));

    public static final List<String> STAGE_NAMES = List.of("awareness", "engagement", "interest", "consideration",
            "intent", "conversion", "loyalty");

    public FunnelDefinition {
        awareness = Set.copyOf(Objects.requireNonNull(awareness, "awareness"));
        engagement = Set.copyOf(Objects.requireNonNull(engagement, "engagement"));
        interest = Set.copyOf(Objects.requireNonNull(interest, "interest"));
        consideration = Set.copyOf(Objects.requireNonNull(consideration, "consideration"));
        intent = Set.copyOf(Objects.requireNonNull(intent, "intent"));
    }

    List<Set<String>> touchStages() {
        return List.of(awareness, engagement, interest, consideration, intent);
    }
}
