package com.example.popup;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.unifiedanalytics.connect.stream.CursorStream;
import org.unifiedanalytics.connect.stream.Page;
import org.unifiedanalytics.model.records.Conversion;
import org.unifiedanalytics.model.records.SalesOrder;
import org.unifiedanalytics.model.records.Touchpoint;
import org.unifiedanalytics.model.records.WarehouseRecord;
import org.unifiedanalytics.model.values.CustomerKey;
import org.unifiedanalytics.model.values.Money;

/**
 * The till log's lines of {@code [since, until)}: a visit becomes a touchpoint of its channel, a sale an order and
 * a conversion. A visitor is known by the email they gave; a sale without one is a guest's.
 */
final class TillLogStream implements CursorStream {
    static final String PLATFORM = "popup_store";

    private final Path logFile;

    TillLogStream(Path logFile) {
        this.logFile = logFile;
    }

    @Override
    public String name() {
        return "till_log";
    }

    @Override
    public List<Class<? extends WarehouseRecord>> produces() {
        return List.of(Touchpoint.class, SalesOrder.class, Conversion.class);
    }

    @Override
    public Duration overlap() {
        return Duration.ZERO;
    }

    @Override
    public Page readChanges(String store, Instant since, Instant until, Optional<String> pageToken) throws Exception {
        List<WarehouseRecord> records = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(logFile)) {
            for (CSVRecord line : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Instant at = Instant.parse(line.get("at"));
                if (!at.isBefore(since) && at.isBefore(until)) {
                    records.addAll(toRecords(store, line, at));
                }
            }
        }
        return Page.last(records);
    }

    private static List<WarehouseRecord> toRecords(String store, CSVRecord line, Instant at) {
        String email = line.get("email");
        CustomerKey customer = email.isBlank() ? null : CustomerKey.fromEmail(email);
        if (line.get("event").equals("visit")) {
            return List.of(Touchpoint.builder().sourcePlatform(PLATFORM).externalId(line.get("id")).customerKey(customer)
                    .occurredAt(at).touchType("session").channel(line.get("channel")).source(line.get("channel"))
                    .build());
        }
        Money amount = Money.of(line.get("amount"), line.get("currency"));
        SalesOrder order = SalesOrder.builder().sourcePlatform(PLATFORM).storeId(store).orderId(line.get("id"))
                .createdAt(at).total(amount).customerKey(customer).build();
        return List.of(order, new Conversion(PLATFORM, line.get("id"), customer, at, order.netRevenue(), "order"));
    }
}
