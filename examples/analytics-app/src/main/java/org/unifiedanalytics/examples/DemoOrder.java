package org.unifiedanalytics.examples;

import java.time.Instant;
import java.util.List;

/**
 * One order of the demo brand: in its web store (Shopify), after the buyer's visits, or in its TikTok Shop, inside
 * TikTok after watching a video.
 *
 * @param visits  the buyer's visits to the web store before ordering, oldest first; none for a TikTok Shop order
 * @param videoId the video a TikTok Shop buyer bought from; null for a web order
 */
record DemoOrder(String id, Store store, Instant createdAt, String currency, String total, String refunded, int customer,
                 List<Visit> visits, String videoId) {

    enum Store { WEB, TIKTOK_SHOP }

    /** A visit to the web store, with the UTM parameters of its landing page; no source: a direct visit. */
    record Visit(Instant at, String source, String medium, String campaign, String content) {
    }

    String email() {
        return "buyer" + customer + "@example.com";
    }

    /** TikTok's user id of the buyer: TikTok Shop never gives the real email, so the two stores know the same person apart. */
    String tiktokUserId() {
        return String.valueOf(7_494_000_000L + customer);
    }

    boolean web() {
        return store == Store.WEB;
    }
}
