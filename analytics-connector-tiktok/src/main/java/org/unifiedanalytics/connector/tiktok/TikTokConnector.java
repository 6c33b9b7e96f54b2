package org.unifiedanalytics.connector.tiktok;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ReauthorizationRequiredException;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.config.Secret;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.http.ApiRequest;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.model.ConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;

/** The TikTok connector for one app and its accounts; all accounts share the app's one client and request budget. */
final class TikTokConnector implements Connector {
    static final String PLATFORM = "tiktok";

    private final List<String> accounts;
    private final TikTokApi api;
    private final TokenManager tokens;
    private final ConnectorConfig config;
    private final Clock clock;

    TikTokConnector(ConnectorContext context) {
        this.config = context.config();
        this.clock = context.clock();
        this.accounts = config.list("accounts");
        List<String> refreshTokens = List.of(config.secret("refresh_tokens").reveal().split(","));
        if (refreshTokens.size() != accounts.size()) {
            // The message counts, never shows, the tokens.
            throw new ConfigurationException("tiktok configuration", List.of("'refresh_tokens' has " + refreshTokens.size()
                    + " token(s) but 'accounts' has " + accounts.size() + " account(s); give one token per account, in order"));
        }
        int pageSize = config.integer("page_size");
        if (pageSize < 1 || pageSize > 20) {
            throw new ConfigurationException("tiktok configuration", List.of("'page_size' must be 1 to 20, got " + pageSize));
        }
        Map<String, Secret> byAccount = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            byAccount.put(accounts.get(i), Secret.of(refreshTokens.get(i).strip()));
        }
        this.api = new TikTokApi(context.http().baseUrl(config.url("base_url")));
        this.tokens = new TokenManager(api, context.credentials(), clock, config.string("app_id"),
                config.secret("app_secret"), byAccount);
    }

    @Override
    public List<String> accounts() {
        return accounts;
    }

    @Override
    public List<SourceStream> streams() {
        return List.of(new AccountMetricsStream(this, clock, config.integer("lookback_days")),
                new VideoSnapshotsStream(this, clock, config.integer("max_post_age_days"), config.integer("page_size")));
    }

    @Override
    public CheckResult check() {
        StringBuilder names = new StringBuilder();
        for (String account : accounts) {
            try {
                JsonNode data = call(account, token -> ApiRequest.get("business/get/").query("business_id", account)
                        .query("fields", "[\"username\",\"display_name\",\"followers_count\"]").build());
                names.append(names.isEmpty() ? "" : ", ").append('@').append(data.path("username").asText(account));
            } catch (ReauthorizationRequiredException e) {
                return CheckResult.authentication(e.getMessage());
            } catch (ApiException.Authentication e) {
                return CheckResult.authentication("TikTok refused the app credentials for account " + account + ": "
                        + e.getMessage());
            } catch (ApiException.ClientError e) {
                return CheckResult.configuration("TikTok refused a request for account " + account + ": " + e.getMessage());
            } catch (ApiException e) {
                return CheckResult.transientFailure("TikTok could not be reached for account " + account + ": " + e.getMessage());
            }
        }
        return CheckResult.ok("connected to " + accounts.size() + " TikTok account(s): " + names);
    }

    /** A call with the account's access token; a token TikTok refuses is refreshed and the call made once more. */
    JsonNode call(String account, Function<String, ApiRequest> request) {
        try {
            return send(account, request);
        } catch (TikTokApi.TokenRejected e) {
            tokens.refresh(account);
            return send(account, request);
        }
    }

    private JsonNode send(String account, Function<String, ApiRequest> request) {
        String token = tokens.accessToken(account).reveal();
        ApiRequest built = request.apply(token);
        ApiRequest withToken = ApiRequest.method(built.method(), built.path()).query(built.query())
                .header("Access-Token", token).build();
        return api.send(withToken);
    }
}
