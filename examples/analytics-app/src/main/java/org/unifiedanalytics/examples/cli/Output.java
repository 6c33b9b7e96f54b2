package org.unifiedanalytics.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Prints a result as an aligned table, CSV or JSON. */
final class Output {
    enum Format { TABLE, CSV, JSON }

    private Output() {
    }

    static void print(PrintStream out, Format format, List<String> header, List<List<String>> rows) {
        switch (format) {
            case CSV -> {
                try {
                    CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build().print(out);
                    for (List<String> row : rows) {
                        printer.printRecord(row);
                    }
                    printer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case JSON -> {
                List<Map<String, String>> objects = rows.stream().map(row -> {
                    Map<String, String> object = new LinkedHashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        object.put(header.get(i), row.get(i));
                    }
                    return object;
                }).toList();
                try {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(objects));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case TABLE -> {
                int[] widths = new int[header.size()];
                for (int i = 0; i < header.size(); i++) {
                    widths[i] = header.get(i).length();
                    for (List<String> row : rows) {
                        widths[i] = Math.max(widths[i], row.get(i).length());
                    }
                }
                out.println(line(header, widths));
                StringBuilder rule = new StringBuilder();
                for (int width : widths) {
                    rule.append("-".repeat(width)).append("  ");
                }
                out.println(rule.toString().stripTrailing());
                rows.forEach(row -> out.println(line(row, widths)));
                if (rows.isEmpty()) {
                    out.println("(no rows)");
                }
            }
        }
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean number = !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-') && i > 0;
            text.append(number ? " ".repeat(widths[i] - cell.length()) + cell : cell + " ".repeat(widths[i] - cell.length()))
                    .append("  ");
        }
        return text.toString().stripTrailing();
    }
}
