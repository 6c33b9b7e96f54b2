package org.unifiedanalytics.examples.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.unifiedanalytics.model.Warehouse;
import org.unifiedanalytics.query.AttributedRevenue;
import org.unifiedanalytics.model.WarehouseDialect;
import org.unifiedanalytics.query.AttributionModel;
import org.unifiedanalytics.query.AttributionQueries;
import org.unifiedanalytics.query.AttributionRefresh;
import org.unifiedanalytics.query.AttributionSettings;
import org.unifiedanalytics.query.ChannelKpiQueries;
import org.unifiedanalytics.query.FunnelDefinition;
import org.unifiedanalytics.query.FunnelQueries;
import org.unifiedanalytics.query.FunnelSource;
import org.unifiedanalytics.query.FunnelStage;
import org.unifiedanalytics.query.Granularity;
import org.unifiedanalytics.query.GroupBy;
import org.unifiedanalytics.query.Kpi;
import org.unifiedanalytics.query.MarketingFunnel;
import org.unifiedanalytics.query.Period;
import org.unifiedanalytics.query.importer.CsvKind;
import org.unifiedanalytics.query.importer.ImportProgress;
import org.unifiedanalytics.query.importer.ImportResult;
import org.unifiedanalytics.query.importer.CsvImporter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The CLI's query commands: {@code import}, {@code attribution}, {@code funnel} and {@code kpis}. */
final class QueryCommands {
    private QueryCommands() {
    }

    /** Options every query command shares: the period and the output format. */
    static class PeriodOptions {
        @Option(names = "--from", description = "first day (UTC), e.g. 2026-01-01; default: everything")
        LocalDate from;

        @Option(names = "--to", description = "the day after the last (UTC); default: everything")
        LocalDate to;

        @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
        String format;

        Period period() {
            if (from == null && to == null) {
                return Period.all();
            }
            return Period.days(from == null ? LocalDate.of(1970, 1, 1) : from, to == null ? LocalDate.of(9999, 1, 1) : to);
        }

        /** The format named by {@code --format}; {@code --json} anywhere on the line wins. */
        Output.Format outputFormat(Cli cli) {
            return cli.json ? Output.Format.JSON : Output.Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Command(name = "import", description = "Load touchpoints, conversions or orders from a CSV file (layout: see the README).")
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @Parameters(index = "0", description = "touchpoints, conversions or orders")
        String kind;

        @Parameters(index = "1", description = "the CSV file")
        Path file;

        @Option(names = "--skip-bad-rows", description = "import the good rows and list the bad ones, instead of refusing the file")
        boolean skipBadRows;

        @Override
        public Integer call() {
            CsvKind csvKind = java.util.Arrays.stream(CsvKind.values()).filter(k -> k.name().equalsIgnoreCase(kind)).findFirst()
                    .orElseThrow(() -> new CommandLine.ParameterException(new CommandLine(this),
                            "unknown kind '" + kind + "': touchpoints, conversions or orders"));
            ImportResult result;
            Optional<AttributionRefresh> prepared = Optional.empty();
            try (Warehouse warehouse = cli.openWarehouse()) {
                try (ImportProgressBar bar = new ImportProgressBar()) {
                    result = CsvImporter.on(warehouse).withProgress(cli.quiet ? ImportProgress.NONE : bar)
                            .importFile(csvKind, file, skipBadRows);
                }
                // The embedded warehouse computes a model's credits in seconds per million touchpoints (PostgreSQL in a
                // fifth of that): done here, the six models by channel that `attribution` shows first answer at once.
                if (warehouse.dialect() == WarehouseDialect.H2) {
                    prepared = Optional.of(AttributionQueries.on(warehouse).refresh(GroupBy.CHANNEL));
                    warehouse.compactIfWorthIt();
                }
            }
            if (cli.json) {
                java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
                json.put("file", file.toString());
                json.put("kind", kind);
                json.put("rowsImported", result.rowsImported());
                json.put("skipped", result.skipped());
                json.put("compacted", result.compaction().map(Object::toString).orElse(null));
                prepared.ifPresent(p -> json.put("attributionPrepared", java.util.Map.of("unitsComputed", p.unitsComputed(),
                        "conversionsRecomputed", p.conversionsRecomputed(), "seconds", p.took().toMillis() / 1000.0)));
                JsonReports.print(System.out, json);
                return 0;
            }
            java.io.PrintStream out = cli.out();
            out.printf("%s: %d %s imported%s%n", file, result.rowsImported(), kind,
                    result.skipped().isEmpty() ? "" : ", " + result.skipped().size() + " bad row(s) skipped:");
            result.skipped().forEach(p -> out.println("  " + p));
            result.compaction().ifPresent(c -> out.println("compacted the embedded warehouse: " + c));
            prepared.ifPresent(p -> out.printf(java.util.Locale.ROOT, "attribution by channel kept ready: %d model(s) computed,"
                    + " %d conversion(s) recomputed in %.1f s%n", p.unitsComputed(), p.conversionsRecomputed(),
                    p.took().toMillis() / 1000.0));
            return 0;
        }
    }

    @Command(name = "attribution", description = "Attributed conversions and revenue by channel, campaign or content.")
    static final class Attribution implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @CommandLine.Mixin
        PeriodOptions options = new PeriodOptions();

        @Option(names = "--model", defaultValue = "all", description = "first_touch, last_touch, last_non_direct, linear, "
                + "position_based, time_decay, or all side by side (default)")
        String model;

        @Option(names = "--by", defaultValue = "channel", description = "channel, campaign or content (default: ${DEFAULT-VALUE})")
        String by;

        @Option(names = "--lookback-days", defaultValue = "30")
        int lookbackDays;

        @Option(names = "--half-life-days", defaultValue = "7")
        int halfLifeDays;

        @Option(names = "--max-touches", defaultValue = "0", description = "keep the N most recent touches of a path; 0: all")
        int maxTouches;

        @Override
        public Integer call() {
            GroupBy groupBy = switch (by) {
                case "channel" -> GroupBy.CHANNEL;
                case "campaign" -> GroupBy.CHANNEL_CAMPAIGN;
                case "content" -> GroupBy.CONTENT;
                default -> throw new CommandLine.ParameterException(new CommandLine(this), "--by is channel, campaign or content");
            };
            AttributionSettings settings = AttributionSettings.builder().lookback(Duration.ofDays(lookbackDays))
                    .halfLife(Duration.ofDays(halfLifeDays)).maxTouches(maxTouches).build();
            try (Warehouse warehouse = cli.openWarehouse()) {
                AttributionQueries queries = AttributionQueries.on(warehouse);
                List<AttributedRevenue> rows = new ArrayList<>();
                if (model.equals("all")) {
                    queries.compare(groupBy, options.period(), settings).values().forEach(rows::addAll);
                } else {
                    rows.addAll(queries.revenue(AttributionModel.of(model), groupBy, options.period(), settings));
                }
                List<List<String>> table = rows.stream().map(r -> List.of(r.model().specName(), r.currency(), r.groupKey(),
                        r.attributedConversions().toPlainString(),
                        r.attributedRevenue().toPlainString())).toList();
                Output.print(System.out, options.outputFormat(cli), List.of("model", "currency", by, "conversions", "revenue"), table);
                return 0;
            }
        }
    }

    @Command(name = "funnel", description = "The 7-stage marketing funnel of a period.")
    static final class Funnel implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @CommandLine.Mixin
        PeriodOptions options = new PeriodOptions();

        @Option(names = "--channel", description = "only this channel's touches and the orders credited to it")
        String channel;

        @Option(names = "--source", defaultValue = "touchpoints", description = "touchpoints or daily-metrics (default: ${DEFAULT-VALUE})")
        String source;

        @Override
        public Integer call() {
            FunnelSource from = source.equals("daily-metrics") ? FunnelSource.DAILY_METRICS : FunnelSource.TOUCHPOINTS;
            try (Warehouse warehouse = cli.openWarehouse()) {
                MarketingFunnel funnel = FunnelQueries.on(warehouse).marketingFunnel(options.period(),
                        Optional.ofNullable(channel), FunnelDefinition.DEFAULT, from);
                List<List<String>> rows = new ArrayList<>();
                for (FunnelStage stage : funnel.stages()) {
                    rows.add(List.of(String.valueOf(stage.position()), stage.name(), String.valueOf(stage.value()),
                            percent(stage.rateFromPrevious()), percent(stage.rateFromFirst()),
                            stage.dropOff().map(String::valueOf).orElse("")));
                }
                Output.print(System.out, options.outputFormat(cli), List.of("#", "stage", "count", "from previous", "from first",
                        "drop-off"), rows);
                if (options.outputFormat(cli) == Output.Format.TABLE) {
                    System.out.printf("purchasing customers: %d, repeat purchase rate: %s%n", funnel.purchasingCustomers(),
                            percent(funnel.repeatPurchaseRate()));
                }
                return 0;
            }
        }
    }

    @Command(name = "kpis", description = "Channel KPIs by day, week or month, with the change from the previous period.")
    static final class Kpis implements Callable<Integer> {
        @CommandLine.ParentCommand
        Cli cli;

        @CommandLine.Mixin
        PeriodOptions options = new PeriodOptions();

        @Option(names = "--granularity", defaultValue = "week", description = "day, week or month (default: ${DEFAULT-VALUE})")
        String granularity;

        @Override
        public Integer call() {
            if (options.from == null || options.to == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "kpis needs --from and --to");
            }
            try (Warehouse warehouse = cli.openWarehouse()) {
                List<Kpi> kpis = ChannelKpiQueries.on(warehouse).kpis(options.period(),
                        Granularity.valueOf(granularity.toUpperCase(java.util.Locale.ROOT)));
                List<List<String>> rows = kpis.stream().map(k -> List.of(k.bucket().toString(), k.channel(), k.name(),
                        k.currency().orElse(""), k.value().map(v -> v.stripTrailingZeros().toPlainString()).orElse(""),
                        percent(k.change()), k.caveats().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
                                .collect(java.util.stream.Collectors.joining(" ")))).toList();
                Output.print(System.out, options.outputFormat(cli), List.of("period", "channel", "kpi", "currency", "value",
                        "change", "caveats"), rows);
                return 0;
            }
        }
    }

    private static String percent(Optional<BigDecimal> rate) {
        return rate.map(r -> r.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + "%").orElse("");
    }
}
