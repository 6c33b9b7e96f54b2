package org.unifiedanalytics.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One CLI invocation in this JVM: its exit code and what it printed, on standard output and on standard error. */
record CliRun(int code, String out, String err) {

    static CliRun of(String[] head, String... tail) {
        String[] args = new String[head.length + tail.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(tail, 0, args, head.length, tail.length);
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            return new CliRun(Cli.run(args), captured.toString(StandardCharsets.UTF_8), capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.setErr(originalErr);
        }
    }
}
