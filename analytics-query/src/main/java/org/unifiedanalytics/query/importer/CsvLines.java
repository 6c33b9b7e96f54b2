package org.unifiedanalytics.query.importer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The line of a file on which a CSV record starts, for error messages. A record is not a line: blank lines
 * are skipped and a quoted field may span lines, so counting records gives wrong numbers. The parser gives a
 * record's character position; this reads the file a second time, only as far as the records that have a
 * problem, counting line breaks. Records are asked for in file order, so the file is read once at most.
 */
final class CsvLines implements AutoCloseable {
    private final Path file;
    private Reader reader;
    private long position;
    private long line = 1;
    private int pending = -2;   // a character read ahead, or -2 for none

    CsvLines(Path file) {
        this.file = file;
    }

    /** The 1-based line of the first character of the first non-blank line at or after {@code characterPosition}. */
    long lineAt(long characterPosition) {
        try {
            if (reader == null) {
                reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            }
            while (position < characterPosition) {
                advance();
            }
            // the parser may place a record at the blank lines it skipped before it
            while (peek() == '\n' || peek() == '\r') {
                advance();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int peek() throws IOException {
        if (pending == -2) {
            pending = reader.read();
        }
        return pending;
    }

    private void advance() throws IOException {
        int c = peek();
        pending = -2;
        if (c < 0) {
            position = Long.MAX_VALUE;
            return;
        }
        position++;
        if (c == '\n') {
            line++;
        } else if (c == '\r') {
            if (peek() != '\n') {
                line++;   // a lone CR ends a line too
            }
        }
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
