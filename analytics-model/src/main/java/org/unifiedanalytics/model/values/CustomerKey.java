package org.unifiedanalytics.model.values;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The identity that joins one customer's touchpoints, orders and conversions across channels.
 *
 * <p>Derived from an email address with {@link #fromEmail(String)}: the address is normalised and
 * hashed with SHA-256, so no raw email is ever stored in the warehouse. A host application that has its
 * own stable customer id may use {@link #of(String)} instead.
 *
 * <pre>{@code
 * CustomerKey a = CustomerKey.fromEmail(" Jane.Doe@Example.com ");
 * CustomerKey b = CustomerKey.fromEmail("jane.doe@example.com");
 * assert a.equals(b);
 * }</pre>
 *
 * @param value at most {@value #MAX_LENGTH} characters, not blank
 */
public record CustomerKey(String value) {

    /** The longest key the warehouse stores; a SHA-256 hex digest is exactly this long. */
    public static final int MAX_LENGTH = 64;

    public CustomerKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a customer key must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a customer key has at most " + MAX_LENGTH + " characters, got " + value.length());
        }
    }

    /** A key the host application already has (its own customer id, say). */
    public static CustomerKey of(String value) {
        return new CustomerKey(value);
    }

    /**
     * The key of the customer with this email address: SHA-256 (lower-case hex) of
     * {@link #normalizeEmail(String) the normalised address}.
     *
     * @throws IllegalArgumentException when the text is not an email address; the message never repeats it
     */
    public static CustomerKey fromEmail(String email) {
        return new CustomerKey(sha256(normalizeEmail(email)));
    }

    /**
     * The canonical form of an email address, so that one mailbox always gives one key: surrounding
     * white space removed, Unicode NFKC, lower case. For Gmail, whose addresses ignore dots and
     * "+tags" in the local part and treat googlemail.com as gmail.com, those are removed too.
     */
    public static String normalizeEmail(String email) {
        Objects.requireNonNull(email, "email");
        String text = Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        int at = text.lastIndexOf('@');
        // The message names what is wrong, never the address itself: it is personal data.
        if (at <= 0 || at == text.length() - 1) {
            throw new IllegalArgumentException("not an email address: it needs a local part, an '@' and a domain");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not an email address: it contains white space");
        }
        String local = text.substring(0, at);
        String domain = text.substring(at + 1);
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
            int plus = local.indexOf('+');
            if (plus >= 0) {
                local = local.substring(0, plus);
            }
            local = local.replace(".", "");
            domain = "gmail.com";
            if (local.isEmpty()) {
                throw new IllegalArgumentException("not an email address: the local part is empty");
            }
        }
        return local + "@" + domain;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
