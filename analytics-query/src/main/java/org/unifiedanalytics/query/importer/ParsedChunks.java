package org.unifiedanalytics.query.importer;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Chunks produced on a thread of their own while the caller consumes the previous one, so that parsing a file and
 * the database's work on what was parsed overlap. At most one chunk waits beside the one being produced and the one
 * being consumed, so memory stays bounded whatever the file's size. What the producer throws is thrown by
 * {@link #next()} once the chunks before it are consumed.
 */
final class ParsedChunks<T> implements AutoCloseable {
    private static final Object END = new Object();

    /** Produces chunks into the sink, in order. */
    interface Producer<T> {
        void produce(Sink<T> sink) throws Exception;
    }

    /** Takes one chunk, waiting while the consumer is behind. */
    interface Sink<T> {
        void accept(T chunk) throws InterruptedException;
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1);
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean closed;

    ParsedChunks(String name, Producer<T> producer) {
        this.thread = new Thread(() -> {
            try {
                producer.produce(queue::put);
            } catch (Throwable t) {
                failure = t;
            } finally {
                try {
                    if (!closed) {
                        queue.put(END);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The next chunk, or empty after the last; throws what the producer threw, in its place among the chunks. */
    @SuppressWarnings("unchecked")
    Optional<T> next() {
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next chunk of " + thread.getName(), e);
        }
        if (item != END) {
            return Optional.of((T) item);
        }
        queue.add(END);   // so that a call after the end answers the same
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(thread.getName() + " failed: " + thrown.getMessage(), thrown);
        }
        return Optional.empty();
    }

    /** Stops the producer if it has not finished (the consumer gave up) and waits for its thread to end. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
