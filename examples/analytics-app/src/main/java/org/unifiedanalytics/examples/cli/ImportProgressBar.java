package org.unifiedanalytics.examples.cli;

import java.nio.file.Path;

import org.unifiedanalytics.query.importer.ImportProgress;

import me.tongfei.progressbar.ProgressBar;

/** A progress bar over a CSV file's kilobytes, on standard error, with the rows read so far. */
final class ImportProgressBar implements ImportProgress, AutoCloseable {
    private ProgressBar bar;

    @Override
    public void progressed(Path file, long bytesRead, long fileBytes, long rowsRead) {
        if (bar == null) {
            bar = ProgressBars.builder().setTaskName(String.valueOf(file.getFileName())).setInitialMax(kilobytes(fileBytes))
                    .setUnit(" KB", 1).build();
        }
        bar.stepTo(kilobytes(bytesRead));
        bar.setExtraMessage(rowsRead + " rows");
    }

    private static long kilobytes(long bytes) {
        return (bytes + 1023) / 1024;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
