package org.unifiedanalytics.scheduler;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.ConnectorContext;
import org.unifiedanalytics.connect.ConnectorProvider;
import org.unifiedanalytics.connect.QuotaExhaustedException;
import org.unifiedanalytics.connect.ReauthorizationRequiredException;
import org.unifiedanalytics.connect.config.ConfigSpec;
import org.unifiedanalytics.connect.stream.DailyStream;
import org.unifiedanalytics.connect.stream.DailyWindow;
import org.unifiedanalytics.connect.stream.DateRange;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.connect.stream.SourceStream;
import org.unifiedanalytics.model.records.AccountMetrics;
import org.unifiedanalytics.model.records.WarehouseRecord;

/**
 * A connector for scheduler tests: one daily stream that records the days it is asked for and the runs it
 * saw, and that fails, refuses credentials or runs out of quota when told to.
 */
final class ScriptedSource implements ConnectorProvider {
    final List<DateRange> windows = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger runs = new AtomicInteger();
    final ConcurrentHashMap<String, AtomicInteger> runsPerWindow = new ConcurrentHashMap<>();
    private final Deque<Object> script = new ArrayDeque<>();

    /** The next runs fail (true), ask for re-authorization ("reauth") or stop for quota (an Instant). */
    synchronized ScriptedSource then(Object... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    private synchronized Object nextOutcome() {
        return script.isEmpty() ? "ok" : script.poll();
    }

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public String description() {
        return "a scripted source for scheduler tests";
    }

    @Override
    public ConfigSpec configSpec() {
        return ConfigSpec.builder(id()).build();
    }

    @Override
    public Connector create(ConnectorContext context) {
        ScriptedSource source = this;
        return new Connector() {
            @Override
            public List<String> accounts() {
                return List.of("acc-1");
            }

            @Override
            public List<SourceStream> streams() {
                return List.of(new DailyStream() {
                    @Override
                    public DailyWindow window() {
                        return DailyWindow.upserting(0, 31);
                    }

                    @Override
                    public Page readDays(String account, DateRange days, Optional<String> pageToken) {
                        runs.incrementAndGet();
                        Object outcome = source.nextOutcome();
                        if (Boolean.TRUE.equals(outcome)) {
                            throw new IllegalStateException("scripted failure");
                        }
                        if ("reauth".equals(outcome)) {
                            throw new ReauthorizationRequiredException("re-authorize the scripted account");
                        }
                        if (outcome instanceof Instant resumes) {
                            throw new QuotaExhaustedException("scripted quota", resumes);
                        }
                        windows.add(days);
                        runsPerWindow.computeIfAbsent(days.toString(), k -> new AtomicInteger()).incrementAndGet();
                        List<WarehouseRecord> records = new ArrayList<>();
                        for (var day = days.from(); day.isBefore(days.toExclusive()); day = day.plusDays(1)) {
                            records.add(new AccountMetrics("scripted", account, day, 100L, 1L, 0L, 5L, 50L, 3L, 1L, 0L,
                                    context.clock().instant()));
                        }
                        return Page.last(records);
                    }

                    @Override
                    public String name() {
                        return "daily";
                    }

                    @Override
                    public List<Class<? extends WarehouseRecord>> produces() {
                        return List.of(AccountMetrics.class);
                    }
                });
            }

            @Override
            public CheckResult check() {
                return CheckResult.ok("scripted");
            }
        };
    }
}
