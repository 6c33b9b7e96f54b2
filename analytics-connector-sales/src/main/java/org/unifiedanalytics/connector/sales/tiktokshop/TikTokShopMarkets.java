package org.unifiedanalytics.connector.sales.tiktokshop;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The zone a TikTok Shop market keeps its days in. Seller analytics answers whole local days of the shop, and
 * writes a video's post time as a local {@code yyyy-MM-dd HH:mm:ss}; neither names its zone, so it comes from
 * the shop's {@code region} (its market), or from the {@code time_zone} setting, which wins. A market that sells
 * across several zones (the United States, Mexico, Brazil) reports in the one its Seller Center uses.
 */
final class TikTokShopMarkets {
    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("US", ZoneId.of("America/Los_Angeles")),
            Map.entry("MX", ZoneId.of("America/Mexico_City")),
            Map.entry("BR", ZoneId.of("America/Sao_Paulo")),
            Map.entry("GB", ZoneId.of("Europe/London")),
            Map.entry("IE", ZoneId.of("Europe/Dublin")),
            Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("FR", ZoneId.of("Europe/Paris")),
            Map.entry("IT", ZoneId.of("Europe/Rome")),
            Map.entry("ES", ZoneId.of("Europe/Madrid")),
            Map.entry("JP", ZoneId.of("Asia/Tokyo")),
            Map.entry("ID", ZoneId.of("Asia/Jakarta")),
            Map.entry("MY", ZoneId.of("Asia/Kuala_Lumpur")),
            Map.entry("PH", ZoneId.of("Asia/Manila")),
            Map.entry("SG", ZoneId.of("Asia/Singapore")),
            Map.entry("TH", ZoneId.of("Asia/Bangkok")),
            Map.entry("VN", ZoneId.of("Asia/Ho_Chi_Minh")));

    private TikTokShopMarkets() {
    }

    /** The zone of a market, by its two-letter region code; empty for a market not listed here. */
    static Optional<ZoneId> zoneOf(String region) {
        return Optional.ofNullable(region).map(r -> ZONES.get(r.toUpperCase(java.util.Locale.ROOT)));
    }
}
