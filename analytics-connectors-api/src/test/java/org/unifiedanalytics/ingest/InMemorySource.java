package org.unifiedanalytics.ingest;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.config.ConfigKey;
import org.unifiedanalytics.connect.config.ConfigSpec;
import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.model.records.AccountMetrics;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Utm;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.Money;

/**
 * A source held in memory, for runtime tests: daily follower counts per date and orders by update time,
 * served two records a page, with a switch that makes the next read fail after a number of pages.
 */
class InMemorySource implements ConnectorProvider {
    final Map<LocalDate, Long> followers = new ConcurrentHashMap<>();
    final Map<String, SalesOrder> orders = new ConcurrentHashMap<>();
    final AtomicInteger pagesBeforeFailure = new AtomicInteger(Integer.MAX_VALUE);
    final List<String> cursorQueries = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile boolean replaceDays = true;

    @Override
    public String id() {
        return "memory";
    }

    @Override
    public String description() {
        return "a source held in memory";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id())
                .key(ConfigKey.secret("api_key").required().doc("the API key"))
                .key(ConfigKey.list("accounts").defaultValue("acc-1").doc("accounts to read"))
                .build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        List<String> accounts = context.config().list("accounts");
        return new Connector() {
            @Override
            public List<String> accounts() {
                return accounts;
            }

            @Override
            public List<SourceStream> streams() {
                return List.of(new Followers(), new Orders());
            }

            @Override
            public CheckResult check() {
                return context.config().secret("api_key").reveal().equals("good") ? CheckResult.ok("connected")
                        : CheckResult.authentication("the API key is refused");
            }
        };
    }

    private void maybeFail() {
        if (pagesBeforeFailure.getAndDecrement() == 0) {
            throw new IllegalStateException("the source went away");
        }
    }

    static SalesOrder order(String id, Instant updatedAt, String total) {
        Money t = Money.of(total, "EUR");
        Money zero = Money.of(BigDecimal.ZERO, "EUR");
        return new SalesOrder("memory", id, "store", id, updatedAt.minusSeconds(60), updatedAt, null, "paid", null, t,
                zero, zero, zero, t, zero, null, Utm.NONE, null, null, null);
    }

    private final class Followers implements DailyStream {
        @Override
        public String name() {
            return "followers";
        }

        @Override
        public List<Class<? extends WarehouseRecord>> produces() {
            return List.of(AccountMetrics.class);
        }

        @Override
        public DailyWindow window() {
            return replaceDays ? DailyWindow.replacing(2, 3, "memory", AccountMetrics.class) : DailyWindow.upserting(2, 3);
        }

        @Override
        public Page readDays(String account, DateRange days, Optional<String> pageToken) {
            maybeFail();
            List<AccountMetrics> rows = new ArrayList<>();
            new TreeMap<>(followers).forEach((day, count) -> {
                if (!day.isBefore(days.from()) && day.isBefore(days.toExclusive())) {
                    rows.add(new AccountMetrics("memory", account, day, count, null, null, null, null, null, null, null,
                            Instant.parse("2026-01-01T00:00:00Z")));
                }
            });
            int offset = pageToken.map(Integer::parseInt).orElse(0);
            List<AccountMetrics> page = rows.subList(Math.min(offset, rows.size()), Math.min(offset + 2, rows.size()));
            return offset + 2 < rows.size() ? Page.more(page, String.valueOf(offset + 2)) : Page.last(page);
        }
    }

    private final class Orders implements CursorStream {
        @Override
        public String name() {
            return "orders";
        }

        @Override
        public List<Class<? extends WarehouseRecord>> produces() {
            return List.of(SalesOrder.class);
        }

        @Override
        public Duration overlap() {
            return Duration.ofMinutes(5);
        }

        @Override
        public Page readChanges(String account, Instant since, Instant until, Optional<String> pageToken) {
            maybeFail();
            cursorQueries.add(since + ".." + until);
            List<SalesOrder> changed = orders.values().stream()
                    .filter(o -> !o.updatedAt().isBefore(since) && o.updatedAt().isBefore(until))
                    .sorted(java.util.Comparator.comparing(SalesOrder::updatedAt).thenComparing(SalesOrder::orderId))
                    .toList();
            int offset = pageToken.map(Integer::parseInt).orElse(0);
            List<SalesOrder> page = changed.subList(Math.min(offset, changed.size()), Math.min(offset + 2, changed.size()));
            return offset + 2 < changed.size() ? Page.more(page, String.valueOf(offset + 2)) : Page.last(page);
        }
    }
}
