package com.example.popup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.unifiedanalytics.connect.CheckResult;
import org.unifiedanalytics.connect.Connector;
import org.unifiedanalytics.connect.stream.SourceStream;

/** One store, one stream: the till log. */
final class PopupStoreConnector implements Connector {
    private final Path logFile;
    private final String store;

    PopupStoreConnector(String logFile, String store) {
        this.logFile = Path.of(logFile);
        this.store = store;
    }

    @Override
    public List<String> accounts() {
        return List.of(store);
    }

    @Override
    public List<SourceStream> streams() {
        return List.of(new TillLogStream(logFile));
    }

    @Override
    public CheckResult check() {
        return Files.isReadable(logFile) ? CheckResult.ok("reading the till log " + logFile.toAbsolutePath())
                : CheckResult.configuration("there is no readable till log at " + logFile.toAbsolutePath());
    }
}
