package org.unifiedanalytics.model.internal;

import java.util.Optional;

/**
 * Text that no warehouse database stores as sent, found before it is written: PostgreSQL cannot hold a NUL
 * character, and a lone half of a surrogate pair (an emoji cut in two) is not Unicode, which pgJDBC would store as a
 * question mark. Such text is refused by name, never altered.
 */
public final class StorableText {
    private StorableText() {
    }

    /** What keeps the text from being stored as it is, or empty when nothing does. */
    public static Optional<String> problem(String text) {
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            return Optional.of("contains a NUL character (U+0000) at index " + nul + ", which the warehouse cannot store");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("is not valid Unicode: half of a surrogate pair at index " + i + " (a character cut in two)");
            }
        }
        return Optional.empty();
    }
}
