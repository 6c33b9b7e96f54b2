package org.unifiedanalytics.connect.http;

import java.util.Optional;

/**
 * A connector's own reading of a response the HTTP status calls a success: APIs such as TikTok's answer
 * errors with HTTP 200 and a {@code code} in the body. Return the failure it means, or empty.
 *
 * <pre>{@code
 * ResponseRule tiktokEnvelope = response -> {
 *     int code = response.json().path("code").asInt();
 *     return switch (code) {
 *         case 0 -> Optional.empty();
 *         case 40100 -> Optional.of(new ApiException.RateLimited("code 40100", response.requestDescription(), 200, null));
 *         default -> Optional.of(new ApiException.ClientError(response.json().path("message").asText(),
 *                 response.requestDescription(), 200));
 *     };
 * };
 * }</pre>
 */
@FunctionalInterface
public interface ResponseRule {
    Optional<ApiException> inspect(ApiResponse response);
}
