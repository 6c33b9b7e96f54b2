package org.unifiedanalytics.connector.sales.tiktokshop;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TikTok Shop's request signature (202309+ APIs): the path, then every query parameter but {@code sign}
 * and {@code access_token} as {@code keyvalue} in ascending key order, then the body exactly as sent
 * (none for GET), wrapped in the app secret on both sides, HMAC-SHA256 keyed with the app secret, in
 * lower-case hex.
 */
public final class TikTokShopSigner {
    private final SecretKeySpec key;
    private final String secret;

    public TikTokShopSigner(String appSecret) {
        this.secret = appSecret;
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The string that is wrapped and signed: path, sorted parameters, body. Contains no secret. */
    public static String signedString(String path, Map<String, String> query, String body) {
        StringBuilder text = new StringBuilder(path);
        new TreeMap<>(query).forEach((name, value) -> {
            if (!name.equals("sign") && !name.equals("access_token")) {
                text.append(name).append(value);
            }
        });
        if (body != null) {
            text.append(body);
        }
        return text.toString();
    }

    public String sign(String path, Map<String, String> query, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((secret + signedString(path, query, body) + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
        }
    }
}
