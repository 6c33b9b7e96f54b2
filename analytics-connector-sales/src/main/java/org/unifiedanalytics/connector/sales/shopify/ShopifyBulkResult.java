package org.unifiedanalytics.connector.sales.shopify;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A bulk operation's JSONL result, downloaded and indexed: its orders in file order, each with its line
 * items. Since API 2026-01 Shopify no longer writes a child right below its parent ({@code groupObjects}
 * defaults to false), so one pass notes where every order and every line item stands (by byte offset)
 * and an order is assembled when it is read. Only offsets are held, in primitive arrays: 8 bytes per order and 16
 * per line item (a million-line export indexes in about 12 MiB, where maps of boxed offsets by order id took about
 * 230 bytes per order), so the heap a backfill needs does not grow with the export's size beyond that.
 */
final class ShopifyBulkResult implements AutoCloseable {
    private final String operationId;
    private final Path file;
    private final FileChannel channel;
    private final ObjectMapper json;
    private long[] orderOffsets = new long[1024];
    private int orders;
    /**
     * Per line item, the hash of its parent's id in the high half and its own number in the low half, sorted once
     * indexed: an order's line items are a run of equal hashes, in file order. Two ids of one hash are told apart
     * when an order is assembled, by the parent id each line item holds.
     */
    private long[] lineKeys = new long[1024];
    private long[] lineOffsets = new long[1024];
    private int lines;

    private ShopifyBulkResult(String operationId, Path file, ObjectMapper json) throws IOException {
        this.operationId = operationId;
        this.file = file;
        this.json = json;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** Indexes a downloaded result; the file is deleted when the result is closed. */
    static ShopifyBulkResult index(String operationId, Path file, ObjectMapper json) {
        try {
            ShopifyBulkResult result = new ShopifyBulkResult(operationId, file, json);
            result.indexLines();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("the result of Shopify bulk operation " + operationId + " could not be read", e);
        }
    }

    String operationId() {
        return operationId;
    }

    int orderCount() {
        return orders;
    }

    /** The order at a position in the file, with {@code lineItems.nodes} like a paged query's. */
    ObjectNode order(int index) {
        ObjectNode order = (ObjectNode) parse(orderOffsets[index]);
        String id = order.path("id").asText();
        ArrayNode nodes = order.putObject("lineItems").putArray("nodes");
        long hash = id.hashCode();
        for (int i = firstLineOf(hash); i < lines && lineKeys[i] >> 32 == hash; i++) {
            JsonNode line = parse(lineOffsets[(int) lineKeys[i]]);
            if (line.path("__parentId").asText().equals(id)) {
                nodes.add(((ObjectNode) line).without("__parentId"));
            }
        }
        return order;
    }

    /** The position of the first line item key with this parent hash, or where it would be. */
    private int firstLineOf(long hash) {
        long wanted = hash << 32;
        int low = 0;
        int high = lines;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (lineKeys[middle] < wanted) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the result file " + file + " could not be removed", e);
        }
    }

    private void indexLines() throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long offset = 0;
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            int b;
            long position = 0;
            while ((b = in.read()) != -1) {
                position++;
                if (b == '\n') {
                    note(offset, line);
                    line.reset();
                    offset = position;
                } else {
                    line.write(b);
                }
            }
            note(offset, line);
        }
        lineKeys = java.util.Arrays.copyOf(lineKeys, lines);
        java.util.Arrays.sort(lineKeys);
    }

    private void note(long offset, ByteArrayOutputStream bytes) {
        if (bytes.size() == 0) {
            return;
        }
        JsonNode node = parse(offset, bytes.toString(StandardCharsets.UTF_8));
        String parent = node.path("__parentId").asText("");
        if (parent.isEmpty()) {
            if (orders == orderOffsets.length) {
                orderOffsets = java.util.Arrays.copyOf(orderOffsets, orders * 2);
            }
            orderOffsets[orders++] = offset;
        } else if (node.path("id").asText().startsWith("gid://shopify/LineItem/")) {
            if (lines == lineKeys.length) {
                lineKeys = java.util.Arrays.copyOf(lineKeys, lines * 2);
                lineOffsets = java.util.Arrays.copyOf(lineOffsets, lines * 2);
            }
            lineKeys[lines] = ((long) parent.hashCode() << 32) | lines;
            lineOffsets[lines] = offset;
            lines++;
        }
    }

    private JsonNode parse(long offset) {
        return parse(offset, readLine(offset));
    }

    private JsonNode parse(long offset, String line) {
        try {
            return json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the result of Shopify bulk operation " + operationId + " has a line that is not JSON"
                    + " at byte " + offset + ": " + (line.length() > 120 ? line.substring(0, 120) + "..." : line), e);
        }
    }

    private String readLine(long offset) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            long position = offset;
            while (true) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    return line.toString(StandardCharsets.UTF_8);
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n') {
                        return line.toString(StandardCharsets.UTF_8);
                    }
                    line.write(b);
                }
                position += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the result of Shopify bulk operation " + operationId + " could not be read", e);
        }
    }
}
