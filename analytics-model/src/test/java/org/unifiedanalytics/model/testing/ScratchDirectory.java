package org.unifiedanalytics.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * A temporary directory for a benchmark's embedded databases and files, deleted with everything in it on
 * {@link #close()} and, should the run be stopped with Ctrl-C, when the JVM exits: a benchmark leaves nothing behind
 * (its H2 files run to hundreds of MiB).
 */
public final class ScratchDirectory implements AutoCloseable {
    private final Path path;
    private final Thread onExit;

    private ScratchDirectory(Path path) {
        this.path = path;
        this.onExit = new Thread(() -> deleteTree(path), "delete " + path);
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    public static ScratchDirectory create(String prefix) {
        try {
            return new ScratchDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    /** Deletes a directory and everything in it; a directory already gone is fine. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        deleteTree(path);
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway, and finds nothing to delete
        }
    }
}
