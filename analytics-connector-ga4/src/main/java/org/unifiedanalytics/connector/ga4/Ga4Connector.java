package org.unifiedanalytics.connector.ga4;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.QuotaExhaustedException;
import org.unifiedanalytics.connect.ReauthorizationRequiredException;
import org.unifiedanalytics.connect.config.ConnectorConfig;
import org.unifiedanalytics.connect.http.ApiException;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.model.ConfigurationException;

/** The GA4 connector for one set of Google credentials and the properties they may read. */
final class Ga4Connector implements Connector {
    static final String PLATFORM = "ga4";
    static final int MAX_PAGE_SIZE = 250_000;

    private final List<String> properties;
    private final Ga4Api api;
    private final GoogleKey key;
    private final ConnectorConfig config;
    private final Clock clock;
    private final int pageSize;
    private final Map<String, Ga4Report.Metadata> propertyInfo = new ConcurrentHashMap<>();

    Ga4Connector(ConnectorContext context) {
        this(context, System.getenv(), Path.of(System.getProperty("user.home", ".")));
    }

    Ga4Connector(ConnectorContext context, Map<String, String> environment, Path home) {
        this.config = context.config();
        this.clock = context.clock();
        this.properties = config.list("properties");
        List<String> problems = new ArrayList<>();
        for (String property : properties) {
            if (!property.matches("\\d+")) {
                problems.add("'properties' holds '" + property + "': a GA4 property id is a number (Admin > Property "
                        + "settings), not a G-XXXX measurement id");
            }
        }
        this.pageSize = config.integer("page_size");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            problems.add("'page_size' must be 1 to " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        if (config.integer("lookback_days") < 0) {
            problems.add("'lookback_days' must not be negative, got " + config.integer("lookback_days"));
        }
        GoogleKey found = null;
        try {
            found = credentials(environment, home);
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("ga4 configuration", problems);
        }
        this.key = found;
        GoogleTokenSource tokens = new GoogleTokenSource(key, context.http().build(), clock);
        QuotaGuard quota = new QuotaGuard(clock, config.integer("hourly_token_reserve"), config.integer("daily_token_reserve"),
                config.duration("max_quota_wait"), d -> Thread.sleep(d.toMillis()), context.logger());
        this.api = new Ga4Api(context.http().baseUrl(config.url("base_url")), tokens, quota);
    }

    /** The first credentials found: the configured file or JSON, GOOGLE_APPLICATION_CREDENTIALS, gcloud's ADC file. */
    private GoogleKey credentials(Map<String, String> environment, Path home) {
        URI tokenUri = config.optionalUrl("token_uri").orElse(null);
        if (config.optionalString("credentials_file").isPresent()) {
            Path file = Path.of(config.string("credentials_file"));
            return GoogleKey.parse(read(file, "'credentials_file'"), "credentials_file " + file, tokenUri);
        }
        if (config.optionalSecret("credentials_json").isPresent()) {
            return GoogleKey.parse(config.secret("credentials_json").reveal(), "'credentials_json'", tokenUri);
        }
        String variable = environment.get("GOOGLE_APPLICATION_CREDENTIALS");
        if (variable != null && !variable.isBlank()) {
            Path file = Path.of(variable);
            return GoogleKey.parse(read(file, "GOOGLE_APPLICATION_CREDENTIALS"), "GOOGLE_APPLICATION_CREDENTIALS file " + file,
                    tokenUri);
        }
        Path adc = home.resolve(".config/gcloud/application_default_credentials.json");
        if (Files.isRegularFile(adc)) {
            return GoogleKey.parse(read(adc, "gcloud's application-default credentials"), adc.toString(), tokenUri);
        }
        throw new ConfigurationException("ga4 configuration", List.of("no Google credentials: set 'credentials_file' "
                + "(a service-account key), 'credentials_json', or GOOGLE_APPLICATION_CREDENTIALS, or run `gcloud auth "
                + "application-default login`"));
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ConfigurationException("ga4 configuration", List.of(what + " names " + file + ", which cannot be read ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    @Override
    public List<String> accounts() {
        return properties;
    }

    @Override
    public List<SourceStream> streams() {
        int lookback = config.integer("lookback_days");
        return List.of(new TrafficStream(this, lookback), new UserTotalsStream(this, lookback),
                new PurchaseSessionsStream(this, lookback));
    }

    @Override
    public CheckResult check() {
        List<String> described = new ArrayList<>();
        for (String property : properties) {
            try {
                Ga4Report.Metadata info = info(property);
                described.add(property + " (" + info.timeZone() + info.currency().map(c -> ", " + c.getCurrencyCode()).orElse("")
                        + ")");
            } catch (ReauthorizationRequiredException e) {
                return CheckResult.authentication(e.getMessage());
            } catch (ApiException.Authentication e) {
                return CheckResult.authentication(permissionHint(property, e));
            } catch (Ga4Api.InvalidArgument e) {
                return CheckResult.configuration("GA4 refused a request for property " + property + ": " + e.getMessage());
            } catch (QuotaExhaustedException e) {
                return CheckResult.transientFailure(e.getMessage());
            } catch (ApiException e) {
                return CheckResult.transientFailure("GA4 could not be reached for property " + property + ": " + e.getMessage());
            }
        }
        return CheckResult.ok("connected as " + key.principal() + " to GA4 propert" + (described.size() == 1 ? "y " : "ies ")
                + String.join(", ", described));
    }

    /** What to do about a refusal, in one sentence: which permission, granted where. */
    String permissionHint(String property, ApiException.Authentication e) {
        String message = e.getMessage();
        if (message.contains("has not been used") || message.contains("is disabled") || message.contains("SERVICE_DISABLED")) {
            return "enable the Google Analytics Data API in the Cloud project of " + key.principal() + " (" + message + ")";
        }
        if (message.contains("PERMISSION_DENIED")) {
            return key.principal() + " may not read GA4 property " + property + ": add it as a Viewer in GA4 Admin > "
                    + "Property access management (" + message + ")";
        }
        return "GA4 refused the credentials of " + key.principal() + ": " + message;
    }

    /** The property's reporting zone and currency, from the metadata of a one-row report (cached). */
    Ga4Report.Metadata info(String property) {
        Ga4Report.Metadata known = propertyInfo.get(property);
        if (known != null) {
            return known;
        }
        var body = api.newBody();
        body.putArray("dateRanges").addObject().put("startDate", "yesterday").put("endDate", "yesterday");
        body.putArray("metrics").addObject().put("name", "sessions");
        body.put("limit", 1);
        Ga4Report.Metadata metadata = api.runReport(property, body).metadata();
        propertyInfo.put(property, metadata);
        return metadata;
    }

    Ga4Api api() {
        return api;
    }

    Clock clock() {
        return clock;
    }

    int pageSize() {
        return pageSize;
    }
}
