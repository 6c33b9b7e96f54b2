package org.unifiedanalytics.examples.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.unifiedanalytics.ingest.ProgressListener;
import org.unifiedanalytics.ingest.StreamReport;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar per stream: windows for daily streams, pages for cursor streams. */
public final class ProgressBars implements ProgressListener {
    private final Map<String, ProgressBar> bars = new ConcurrentHashMap<>();

    @Override
    public void streamStarted(String account, String stream, int plannedWindows) {
        bars.put(account + "/" + stream, builder().setTaskName(account + "/" + stream)
                .setInitialMax(plannedWindows).setStyle(ProgressBarStyle.ASCII).setUnit(
                        plannedWindows < 0 ? " pages" : " windows", 1).continuousUpdate().build());
    }

    /**
     * A bar builder that draws on {@code System.err} as it is now when no terminal is attached (a pipe, a file, a test),
     * and on the terminal itself, redrawing bars in place, when one is.
     */
    static ProgressBarBuilder builder() {
        ProgressBarBuilder builder = new ProgressBarBuilder().setStyle(ProgressBarStyle.ASCII).continuousUpdate();
        return System.console() == null ? builder.setConsumer(new ConsoleProgressBarConsumer(System.err)) : builder;
    }

    @Override
    public void pageCommitted(String account, String stream, int records, int windowsDone) {
        ProgressBar bar = bars.get(account + "/" + stream);
        if (bar != null) {
            if (bar.getMax() < 0) {
                bar.step();
            } else {
                bar.stepTo(windowsDone);
            }
            bar.setExtraMessage(records + " records");
        }
    }

    @Override
    public void streamFinished(StreamReport report) {
        ProgressBar bar = bars.remove(report.account() + "/" + report.stream());
        if (bar != null) {
            if (bar.getMax() > 0) {
                bar.stepTo(bar.getMax());
            }
            bar.close();
        }
    }
}
