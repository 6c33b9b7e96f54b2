package org.unifiedanalytics.connector.sales.tiktokshop;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiResponse;
import org.unifiedanalytics.connect.http.ResponseRule;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What TikTok Shop's {@code code / message / request_id} envelope means, as the common error table (quoted in
 * public docs mirrors; public clients agree) says. Success is {@code code == 0}, whatever the HTTP status;
 * errors come with HTTP 200 or a matching 4xx.
 *
 * <ul>
 *   <li>106001, a refused signature: an authentication failure that names what was signed. TikTok Shop also
 *       refuses a request whose {@code timestamp} is more than about five minutes from its own clock, and no
 *       public source confirms a code of its own for that, so the answer's {@code Date} header is compared
 *       with the timestamp that was sent: a clock that is off is named, with by how much.</li>
 *   <li>105002, a refused access token: refreshed once ({@link TokenRefused}).</li>
 *   <li>36004005 and 36004001, no authorization record or a dead refresh token: the seller authorizes again.</li>
 *   <li>36009002 "Too many requests" and HTTP 429: backed off and retried.</li>
 *   <li>36009003 "Internal error" and 5xx: retried.</li>
 *   <li>Anything else, 36009004 "invalid param" among them, fails with TikTok Shop's own message.</li>
 * </ul>
 */
final class TikTokShopErrors {
    static final int BAD_SIGNATURE = 106001;
    /** The access token is invalid or expired: two independent public clients refresh on it. */
    static final int ACCESS_TOKEN_REFUSED = 105002;
    /** Token codes seen in a maintained SDK: no auth record, refresh token expired. */
    static final List<Integer> REAUTHORIZE = List.of(36004005, 36004001);
    static final int TOO_MANY_REQUESTS = 36009002;
    static final int INTERNAL_ERROR = 36009003;
    /** How far TikTok Shop lets a request's timestamp stray from its clock (commonly cited; not in an official table). */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);
    /** "Access denied" codes that public clients report for an API the app or the shop may not use (unconfirmed). */
    static final Set<Integer> ACCESS_DENIED = Set.of(105005, 105006);
    private static final Pattern PERMISSION_WORDS = Pattern.compile(
            "(?i)permission|scope|not enabled|not authori[sz]ed|access denied|no access|not activated");

    /** An access token TikTok Shop refused: refreshed once, then the call is made again. */
    static final class TokenRefused extends ApiException {
        private static final long serialVersionUID = 1L;

        TokenRefused(String message, String request, int status) {
            super("access token refused: " + message, request, status, false, null);
        }
    }

    /** An API the app has no scope for, or that the shop has not enabled: retrying cannot help. */
    static final class AccessDenied extends ApiException {
        private static final long serialVersionUID = 1L;

        AccessDenied(String message, String request, int status) {
            super("access denied: " + message, request, status, false, null);
        }
    }

    static final ResponseRule ENVELOPE = TikTokShopErrors::classify;

    private TikTokShopErrors() {
    }

    private static Optional<ApiException> classify(ApiResponse response) {
        JsonNode body = response.json();
        int code = body.path("code").asInt(-1);
        if (code == 0) {
            return Optional.empty();
        }
        String message = "TikTok Shop code " + code + ": " + body.path("message").asText("no message") + " (request_id "
                + body.path("request_id").asText("?") + ")";
        String request = response.requestDescription();
        int status = response.status();
        if (code == BAD_SIGNATURE) {
            String reason = clockSkew(response).map(skew -> skew + " (" + message + ")")
                    .orElseGet(() -> signatureRefused(request, message));
            return Optional.of(new ApiException.Authentication(reason, request, status));
        }
        if (code == ACCESS_TOKEN_REFUSED) {
            return Optional.of(new TokenRefused(message, request, status));
        }
        if (status >= 500 || (status >= 400 && code == -1)) {
            return Optional.empty();
        }
        if (REAUTHORIZE.contains(code)) {
            return Optional.of(new ApiException.Authentication(message, request, status));
        }
        if (status == 429 || code == TOO_MANY_REQUESTS) {
            return Optional.of(new ApiException.RateLimited(message, request, status, null));
        }
        if (code == INTERNAL_ERROR) {
            return Optional.of(new ApiException.ServerError(message, request, status));
        }
        if (status == 403 || ACCESS_DENIED.contains(code) || PERMISSION_WORDS.matcher(body.path("message").asText("")).find()) {
            return Optional.of(new AccessDenied(message, request, status));
        }
        return Optional.of(new ApiException.ClientError(message, request, status));
    }

    private static String signatureRefused(String request, String message) {
        URI uri = URI.create(request.substring(request.indexOf(' ') + 1));
        return "the request signature was refused; it covered the path " + uri.getPath() + ", the query parameters "
                + parameterNames(uri) + " and the body as sent, wrapped in the app_secret: check app_secret (" + message + ")";
    }

    /**
     * "This machine's clock is about 10 minutes ahead of TikTok Shop's ...", when the timestamp that was
     * sent and the answer's {@code Date} header are further apart than TikTok Shop accepts.
     */
    static Optional<String> clockSkew(ApiResponse response) {
        Optional<Instant> sent = sentTimestamp(response.requestDescription());
        Optional<Instant> theirs = response.header("Date").flatMap(TikTokShopErrors::httpDate);
        if (sent.isEmpty() || theirs.isEmpty()) {
            return Optional.empty();
        }
        Duration off = Duration.between(theirs.get(), sent.get());
        if (off.abs().compareTo(TIMESTAMP_TOLERANCE) <= 0) {
            return Optional.empty();
        }
        return Optional.of("TikTok Shop refused the request's timestamp: this machine's clock is about " + describe(off.abs())
                + (off.isNegative() ? " behind" : " ahead of") + " TikTok Shop's (request timestamp " + sent.get()
                + ", its Date header " + theirs.get() + "), and TikTok Shop refuses a timestamp more than about "
                + TIMESTAMP_TOLERANCE.toMinutes() + " minutes off: synchronize this machine's clock (NTP) and run again");
    }

    private static Optional<Instant> sentTimestamp(String request) {
        String query = URI.create(request.substring(request.indexOf(' ') + 1)).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("timestamp=")).findFirst().flatMap(p -> {
            try {
                return Optional.of(Instant.ofEpochSecond(Long.parseLong(p.substring("timestamp=".length()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** To the nearest minute (a Date header has whole seconds, truncated), or in days beyond two. */
    private static String describe(Duration off) {
        if (off.compareTo(Duration.ofDays(2)) > 0) {
            return off.toDays() + " days";
        }
        long minutes = Math.round(off.toSeconds() / 60.0);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    private static List<String> parameterNames(URI uri) {
        if (uri.getRawQuery() == null) {
            return List.of();
        }
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=")[0]).filter(n -> !n.equals("sign")).sorted()
                .toList();
    }
}
