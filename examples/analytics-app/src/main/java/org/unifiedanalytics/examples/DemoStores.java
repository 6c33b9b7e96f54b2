package org.unifiedanalytics.examples;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.unifiedanalytics.connector.sales.shopify.ShopifyProvider;
import org.unifiedanalytics.examples.DemoOrder.Visit;
import org.unifiedanalytics.testkit.fakes.FakeShopifyApi;
import org.unifiedanalytics.testkit.fakes.ShopifyOrderNodes;
import org.unifiedanalytics.testkit.fakes.ShopifyOrderNodes.JourneyVisit;
import org.unifiedanalytics.testkit.fakes.FakeTikTokShopApi;

/**
 * The demo brand's two stores, as their APIs serve them: the web store is a Shopify store (its orders' customer
 * journeys are the buyers' first and last visits), the TikTok Shop a German shop whose seller analytics credit each
 * video with the sales made from it.
 */
final class DemoStores {
    static final String SHOPIFY_SHOP = "clay-and-co";
    static final String SHOPIFY_TOKEN = "shpat_demo_clay_and_co_0000000000";
    static final String TTS_APP_KEY = "demo-shop-app";
    static final String TTS_APP_SECRET = "demo-shop-app-secret";
    static final String TTS_SHOP = "7495000000000000001";
    /** The shop's market: Germany, whose days are Berlin's. */
    static final ZoneId TTS_ZONE = ZoneId.of("Europe/Berlin");

    private DemoStores() {
    }

    /**
     * The web orders in a Shopify Plus store: its query-cost bucket (10,000 points, 1,000 a second) lets the demo read
     * 90 days of orders and their journeys in seconds; on the standard plan (100 a second) the connector waits for
     * the bucket, as it must, and the same takes minutes.
     */
    static FakeShopifyApi shopify(List<DemoOrder> orders) {
        FakeShopifyApi shopify = FakeShopifyApi.start(ShopifyProvider.DEFAULT_VERSION, SHOPIFY_TOKEN, 10_000, 1_000);
        for (DemoOrder order : orders) {
            if (!order.web()) {
                continue;
            }
            List<Visit> visits = order.visits();
            shopify.order(ShopifyOrderNodes.orderNode(order.id(), order.createdAt(), order.createdAt().plusSeconds(300),
                    order.currency(), order.total(), order.refunded(), order.email(), journey(visits.get(0)),
                    journey(visits.get(visits.size() - 1))));
        }
        return shopify;
    }

    private static JourneyVisit journey(Visit visit) {
        return new JourneyVisit(visit.at(), visit.source(), visit.medium(), visit.campaign(), visit.content());
    }

    /**
     * The TikTok Shop orders, one mug or two per order, and the seller analytics of the videos and products they were
     * bought from, by the shop's day.
     */
    static FakeTikTokShopApi tiktokShop(DemoBrand brand, List<DemoOrder> orders, Clock clock) {
        FakeTikTokShopApi shop = FakeTikTokShopApi.start(TTS_APP_KEY, TTS_APP_SECRET, clock).shop(TTS_SHOP, "ROW_demo", "DE");
        Map<String, BigDecimal> gmvByVideoDay = new TreeMap<>();
        Map<String, long[]> productDays = new TreeMap<>();
        for (DemoOrder order : orders) {
            if (order.web()) {
                continue;
            }
            BigDecimal total = new BigDecimal(order.total());
            boolean two = total.compareTo(new BigDecimal("60")) > 0;
            String sku = "mug-speckled";
            String[] lines = two ? new String[]{sku + "=" + half(total), sku + "=" + total.subtract(half(total))}
                    : new String[]{sku + "=" + total};
            shop.order(TTS_SHOP, order.id(), order.createdAt(), order.createdAt().plusSeconds(1800), "COMPLETED", "EUR",
                    order.tiktokUserId(), lines);
            LocalDate day = LocalDate.ofInstant(order.createdAt(), TTS_ZONE);
            gmvByVideoDay.merge(order.videoId() + "|" + day, total, BigDecimal::add);
            long[] product = productDays.computeIfAbsent(day.toString(), d -> new long[3]);
            product[0] += total.movePointRight(2).longValueExact();
            product[1] += 1;
            product[2] += lines.length;
        }
        gmvByVideoDay.forEach((key, gmv) -> {
            String[] videoDay = key.split("\\|");
            int index = brand.videoIds.indexOf(videoDay[0]);
            shop.videoDay(TTS_SHOP, LocalDate.parse(videoDay[1]), videoDay[0], "Clay & Co #" + (index + 1), 900 + index * 13L,
                    gmv.toPlainString(), "EUR", "0.031");
        });
        productDays.forEach((day, p) -> shop.productDay(TTS_SHOP, LocalDate.parse(day), "p-mug-speckled",
                BigDecimal.valueOf(p[0], 2).toPlainString(), "EUR", p[1], p[2], "0.027"));
        return shop;
    }

    private static BigDecimal half(BigDecimal total) {
        return total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
    }
}
