package org.unifiedanalytics.testkit.fakes;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The requested cost of a GraphQL Admin API query, computed the way Shopify documents it: a scalar or enum
 * field costs 0, an object 1 plus its fields, a connection (a field with {@code first} or {@code last}) 2 plus
 * {@code first} times the cost of one node, so nested connections multiply; a mutation costs 10. The fake
 * refuses a query above the single-query maximum (1,000) as Shopify does, so a connector that asks for too
 * much at once fails here, not on its first real store.
 *
 * <pre>{@code
 * int cost = ShopifyQueryCost.requested("query { orders(first: 10) { nodes { id totalPriceSet { shopMoney { amount } } } } }",
 *         variables);   // 2 + 10 * (1 + 2) = 32
 * }</pre>
 */
public final class ShopifyQueryCost {
    /** Shopify's single-query maximum. */
    public static final int MAX = 1_000;
    private static final int MUTATION = 10;

    /** What a query asks for: its requested cost, and the largest {@code first} or {@code last} in it. */
    public record Analysis(int cost, int largestPage) {
    }

    private final String text;
    private final JsonNode variables;
    private int at;
    private int largestPage;

    private ShopifyQueryCost(String text, JsonNode variables) {
        this.text = text;
        this.variables = variables;
    }

    /** The requested cost of a query with its variables ({@code $first} resolved from them). */
    public static int requested(String query, JsonNode variables) {
        return analyze(query, variables).cost();
    }

    /** The requested cost and the largest page a query asks for (Shopify refuses a {@code first} above 250). */
    public static Analysis analyze(String query, JsonNode variables) {
        String trimmed = query.strip();
        if (trimmed.startsWith("mutation")) {
            return new Analysis(MUTATION, 0);
        }
        ShopifyQueryCost parser = new ShopifyQueryCost(trimmed, variables);
        parser.at = trimmed.indexOf('{');
        if (parser.at < 0) {
            throw new IllegalArgumentException("no selection set in the query");
        }
        int cost = parser.selectionSet();
        return new Analysis(cost, parser.largestPage);
    }

    /** {@code { field field ... }}: the sum of its fields' costs. */
    private int selectionSet() {
        expect('{');
        int cost = 0;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                at++;
                return cost;
            }
            cost += field();
        }
    }

    private int field() {
        if (text.startsWith("...", at)) {
            at += 3;
            skipSpace();
            if (text.startsWith("on ", at)) {
                at += 3;
                name();
            }
            skipSpace();
            return selectionSet();
        }
        String name = name();
        skipSpace();
        if (peek() == ':') {            // an alias: the field's real name follows
            at++;
            name = name();
            skipSpace();
        }
        Integer size = null;
        if (peek() == '(') {
            size = arguments();
            skipSpace();
        }
        if (peek() != '{') {
            return 0;                   // a scalar or an enum
        }
        if (size != null) {
            return 2 + size * nodeCost();
        }
        return 1 + selectionSet();
    }

    /** The cost of one node of a connection: its {@code nodes} or {@code edges { node }} selection. */
    private int nodeCost() {
        expect('{');
        int node = 0;
        while (true) {
            skipSpace();
            if (peek() == '}') {
                at++;
                return node;
            }
            String name = name();
            skipSpace();
            if (peek() != '{') {
                continue;
            }
            if (name.equals("nodes") || name.equals("node")) {
                node += 1 + selectionSet();
            } else if (name.equals("edges")) {
                node += nodeCost();
            } else {
                selectionSet();         // pageInfo: charged once, not per node; Shopify counts it as free
            }
        }
    }

    /** The arguments; returns {@code first} or {@code last} when given. */
    private Integer arguments() {
        expect('(');
        Integer size = null;
        while (true) {
            skipSpace();
            if (peek() == ')') {
                at++;
                return size;
            }
            String argument = name();
            skipSpace();
            expect(':');
            skipSpace();
            String value = value();
            if (argument.equals("first") || argument.equals("last")) {
                size = value.startsWith("$") ? variables.path(value.substring(1)).asInt(0) : Integer.parseInt(value);
                largestPage = Math.max(largestPage, size);
            }
            skipSpace();
            if (peek() == ',') {
                at++;
            }
        }
    }

    private String value() {
        int start = at;
        char c = peek();
        if (c == '"') {
            at++;
            while (text.charAt(at) != '"') {
                at += text.charAt(at) == '\\' ? 2 : 1;
            }
            at++;
        } else if (c == '[' || c == '{') {
            char close = c == '[' ? ']' : '}';
            int depth = 0;
            do {
                char d = text.charAt(at++);
                if (d == c) {
                    depth++;
                } else if (d == close) {
                    depth--;
                }
            } while (depth > 0);
        } else {
            while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && ",)".indexOf(text.charAt(at)) < 0) {
                at++;
            }
        }
        return text.substring(start, at);
    }

    private String name() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("a name was expected at " + at + ": '" + text.substring(at, Math.min(text.length(), at + 20)) + "'");
        }
        return text.substring(start, at);
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw new IllegalArgumentException("'" + c + "' was expected at " + at);
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == ',')) {
            at++;
        }
    }
}
