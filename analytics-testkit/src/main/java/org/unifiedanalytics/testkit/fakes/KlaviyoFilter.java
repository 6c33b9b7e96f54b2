package org.unifiedanalytics.testkit.fakes;

import java.util.ArrayList;
import java.util.List;

/**
 * Klaviyo's filter syntax as the fake reads it: {@code op(field,value)} terms, joined by {@code and(...)} or by
 * top-level commas (AND only). Strings are double-quoted; datetimes and numbers are not; lists are
 * {@code ["a","b"]}.
 */
record KlaviyoFilter(List<Term> terms) {

    /** One comparison: {@code greater-or-equal(datetime,2025-06-01T00:00:00Z)}. */
    record Term(String operator, String field, String value) {
        /** The value without its quotes. */
        String text() {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1) : value;
        }

        boolean quoted() {
            return value.startsWith("\"") || value.startsWith("'");
        }
    }

    static KlaviyoFilter parse(String text) {
        List<Term> terms = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new KlaviyoFilter(terms);
        }
        for (String part : splitTopLevel(text.strip())) {
            collect(part.strip(), terms);
        }
        return new KlaviyoFilter(terms);
    }

    private static void collect(String expression, List<Term> terms) {
        int open = expression.indexOf('(');
        if (open < 0 || !expression.endsWith(")")) {
            throw new IllegalArgumentException("'" + expression + "' is not an operator(field,value) term");
        }
        String operator = expression.substring(0, open);
        List<String> arguments = splitTopLevel(expression.substring(open + 1, expression.length() - 1));
        if (operator.equals("and")) {
            arguments.forEach(a -> collect(a.strip(), terms));
            return;
        }
        if (arguments.size() != 2) {
            throw new IllegalArgumentException("'" + expression + "' takes a field and a value");
        }
        terms.add(new Term(operator, arguments.get(0).strip(), arguments.get(1).strip()));
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    List<Term> on(String field) {
        return terms.stream().filter(t -> t.field().equals(field)).toList();
    }
}
