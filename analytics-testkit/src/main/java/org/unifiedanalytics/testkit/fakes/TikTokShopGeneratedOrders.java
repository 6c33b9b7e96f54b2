package org.unifiedanalytics.testkit.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A shop's orders made up on demand, in update-time order (which is id order), so that a scale test can page
 * through millions without the fake holding them ({@link FakeTikTokShopApi#generatedOrders}).
 */
record TikTokShopGeneratedOrders(String shop, int count, long firstSecond, long stepSeconds, String currency) {
    private static final long FIRST_ID = 580_000_000_000_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    ObjectNode order(int i) {
        Instant at = Instant.ofEpochSecond(firstSecond + i * stepSeconds);
        return TikTokShopOrders.orderNode(shop, String.valueOf(FIRST_ID + i), at, at, "COMPLETED", currency, "buyer-" + (i % 1_000),
                "sku" + (i % 20) + "=" + BigDecimal.valueOf(500 + (i * 7919L) % 5_000, 2).toPlainString());
    }

    /** The orders search's data for orders updated in {@code [ge, lt)}: one page, in update-time order. */
    ObjectNode page(long ge, long lt, int pageSize, Optional<String> pageToken) {
        int from = firstAtOrAfter(ge);
        int to = firstAtOrAfter(lt);
        int offset = pageToken.map(t -> Integer.parseInt(t.substring(2))).orElse(0);
        ObjectNode data = JSON.createObjectNode().put("total_count", to - from);
        ArrayNode list = data.putArray("orders");
        for (int i = from + offset; i < Math.min(to, from + offset + pageSize); i++) {
            list.add(order(i).without("shop"));
        }
        data.put("next_page_token", offset + pageSize < to - from ? "pt" + (offset + pageSize) : "");
        return data;
    }

    /** The first index whose update time is at or after the second given. */
    int firstAtOrAfter(long second) {
        if (second <= firstSecond) {
            return 0;
        }
        long i = (second - firstSecond + stepSeconds - 1) / stepSeconds;
        return (int) Math.min(i, count);
    }

    Optional<Integer> index(String id) {
        try {
            long i = Long.parseLong(id) - FIRST_ID;
            return i >= 0 && i < count ? Optional.of((int) i) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
