package org.unifiedanalytics.connector.sales.tiktokshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The known-answer vectors of the reference notes. */
class TikTokShopSignerTest {
    private final TikTokShopSigner signer = new TikTokShopSigner("exampleAppSecret123");

    @Test
    void a_post_with_a_body_signs_path_sorted_parameters_and_the_body() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_key", "6abcdexample");
        query.put("timestamp", "1749600000");
        query.put("shop_cipher", "ROW_exampleCipher01");
        query.put("page_size", "50");
        query.put("sort_field", "update_time");
        query.put("sort_order", "ASC");
        String body = "{\"update_time_ge\":1749513600,\"update_time_lt\":1749600000}";

        assertThat(TikTokShopSigner.signedString("/order/202309/orders/search", query, body)).isEqualTo(
                "/order/202309/orders/searchapp_key6abcdexamplepage_size50shop_cipherROW_exampleCipher01sort_fieldupdate_time"
                        + "sort_orderASCtimestamp1749600000{\"update_time_ge\":1749513600,\"update_time_lt\":1749600000}");
        assertThat(signer.sign("/order/202309/orders/search", query, body))
                .isEqualTo("f0c4621419b0a9e921695f57d86ca0d1690f11f7ae472d846dcb69ed5da5c6ec");
    }

    @Test
    void a_get_without_body_or_shop_cipher_signs_path_and_parameters() {
        Map<String, String> query = Map.of("app_key", "6abcdexample", "timestamp", "1749600000");

        assertThat(signer.sign("/authorization/202309/shops", query, null))
                .isEqualTo("11e352ca8f7b5fce9a31be99d95048e65c2c2d16c66a08c687b5b3acf2959452");
    }

    @Test
    void sign_and_access_token_are_left_out_of_the_signature() {
        Map<String, String> query = Map.of("app_key", "6abcdexample", "timestamp", "1749600000", "sign", "x",
                "access_token", "y");

        assertThat(signer.sign("/authorization/202309/shops", query, null))
                .isEqualTo("11e352ca8f7b5fce9a31be99d95048e65c2c2d16c66a08c687b5b3acf2959452");
    }
}
