package org.unifiedanalytics.query.importer;

import java.util.List;

import org.unifiedanalytics.model.AnalyticsException;

/** A file was refused: nothing of it was written. The message lists the problems, each with file, line and column. */
public final class CsvImportException extends AnalyticsException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 20;

    private final transient List<String> problems;

    public CsvImportException(List<String> problems) {
        super(problems.size() + " problem(s), nothing of the file was written:\n  " + String.join("\n  ",
                problems.subList(0, Math.min(SHOWN, problems.size())))
                + (problems.size() > SHOWN ? "\n  ... and " + (problems.size() - SHOWN) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
