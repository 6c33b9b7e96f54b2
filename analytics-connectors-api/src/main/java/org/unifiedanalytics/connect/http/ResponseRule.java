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

    /**
     * Which statuses the rule reads: by default successes and refusals (401, 403), whose bodies may say more
     * than the status. A rule for an API whose every error carries a typed envelope (Google's
     * {@code error.status}) can read them all, to tell a spent quota from a passing 429.
     */
    default boolean appliesTo(int status) {
        return (status >= 200 && status < 300) || status == 401 || status == 403;
    }

    /** The same rule, reading responses of every status. */
    static ResponseRule forEveryStatus(ResponseRule rule) {
        return new ResponseRule() {
            @Override
            public Optional<ApiException> inspect(ApiResponse response) {
                return rule.inspect(response);
            }

            @Override
            public boolean appliesTo(int status) {
                return true;
            }
        };
    }
}
