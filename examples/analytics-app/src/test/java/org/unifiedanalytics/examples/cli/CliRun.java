package org.unifiedanalytics.examples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One CLI invocation in this JVM: its exit code and what it printed. */
record CliRun(int code, String out) {

    static CliRun of(String[] head, String... tail) {
        String[] args = new String[head.length + tail.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(tail, 0, args, head.length, tail.length);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return new CliRun(Cli.run(args), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
