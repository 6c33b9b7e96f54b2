package org.unifiedanalytics.connector.sales.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A bulk result's index: every order assembled with exactly its own line items, in file order. */
class ShopifyBulkResultTest {
    @TempDir
    Path dir;

    @Test
    void orders_whose_ids_share_a_hash_each_get_only_their_own_line_items_in_file_order() throws Exception {
        // "Aa" and "BB" have the same String.hashCode, so these two ids do too
        String aa = "gid://shopify/Order/Aa";
        String bb = "gid://shopify/Order/BB";
        assertThat(aa.hashCode()).isEqualTo(bb.hashCode());
        Path file = Files.write(dir.resolve("result.jsonl"), List.of(
                "{\"id\":\"" + aa + "\",\"name\":\"#1\"}",
                "{\"id\":\"" + bb + "\",\"name\":\"#2\"}",
                "{\"id\":\"gid://shopify/Order/3\",\"name\":\"#3\"}",
                "{\"id\":\"gid://shopify/LineItem/20\",\"__parentId\":\"" + bb + "\"}",
                "{\"id\":\"gid://shopify/LineItem/10\",\"__parentId\":\"" + aa + "\"}",
                "{\"id\":\"gid://shopify/LineItem/21\",\"__parentId\":\"" + bb + "\"}",
                "{\"id\":\"gid://shopify/LineItem/11\",\"__parentId\":\"" + aa + "\"}"));

        try (ShopifyBulkResult result = ShopifyBulkResult.index("op-1", file, new ObjectMapper())) {
            assertThat(result.orderCount()).isEqualTo(3);
            assertThat(lineIds(result, 0)).containsExactly("gid://shopify/LineItem/10", "gid://shopify/LineItem/11");
            assertThat(lineIds(result, 1)).containsExactly("gid://shopify/LineItem/20", "gid://shopify/LineItem/21");
            assertThat(lineIds(result, 2)).isEmpty();
            assertThat(result.order(0).path("lineItems").path("nodes").get(0).has("__parentId")).isFalse();
        }
        assertThat(file).doesNotExist();
    }

    private static List<String> lineIds(ShopifyBulkResult result, int order) {
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode line : result.order(order).path("lineItems").path("nodes")) {
            ids.add(line.path("id").asText());
        }
        return ids;
    }
}
