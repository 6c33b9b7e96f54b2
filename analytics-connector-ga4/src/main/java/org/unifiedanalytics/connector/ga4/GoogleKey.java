package org.unifiedanalytics.connector.ga4;

import java.net.URI;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.unifiedanalytics.connect.config.Secret;
import org.unifiedanalytics.model.ConfigurationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Google credentials file, as Google's libraries read it: a service account's key or an authorized user's
 * refresh token. Prints no secret.
 */
sealed interface GoogleKey {
    URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");

    /** Who the tokens are for, for messages: the service account's email or the OAuth client id. */
    String principal();

    URI tokenUri();

    /** A {@code service_account} key: tokens by a JWT signed with its private key. */
    record ServiceAccount(String email, String keyId, PrivateKey privateKey, URI tokenUri) implements GoogleKey {
        @Override
        public String principal() {
            return email;
        }

        @Override
        public String toString() {
            return "ServiceAccount[" + email + ", key " + keyId + "]";
        }
    }

    /** An {@code authorized_user} file ({@code gcloud auth application-default login}): tokens by its refresh token. */
    record AuthorizedUser(String clientId, Secret clientSecret, Secret refreshToken, URI tokenUri) implements GoogleKey {
        @Override
        public String principal() {
            return "the user of OAuth client " + clientId;
        }
    }

    /**
     * Reads a key file's JSON; {@code where} names it in errors. Every problem of the file is reported at once,
     * without quoting a secret.
     */
    static GoogleKey parse(String json, String where, URI tokenUriOverride) {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new ConfigurationException("ga4 configuration", List.of(where + " is not JSON (a Google credentials file is)"));
        }
        String type = node.path("type").asText("");
        List<String> problems = new ArrayList<>();
        URI tokenUri = tokenUriOverride != null ? tokenUriOverride
                : node.hasNonNull("token_uri") ? URI.create(node.path("token_uri").asText()) : GOOGLE_TOKEN_URI;
        switch (type) {
            case "service_account" -> {
                for (String field : List.of("client_email", "private_key", "private_key_id")) {
                    if (node.path(field).asText("").isBlank()) {
                        problems.add(where + " has no '" + field + "'");
                    }
                }
                PrivateKey key = null;
                if (problems.isEmpty()) {
                    try {
                        key = privateKey(node.path("private_key").asText());
                    } catch (RuntimeException | java.security.GeneralSecurityException e) {
                        problems.add(where + "'s private_key is not a PKCS#8 RSA key in PEM");
                    }
                }
                if (!problems.isEmpty()) {
                    throw new ConfigurationException("ga4 configuration", problems);
                }
                return new ServiceAccount(node.path("client_email").asText(), node.path("private_key_id").asText(), key, tokenUri);
            }
            case "authorized_user" -> {
                for (String field : List.of("client_id", "client_secret", "refresh_token")) {
                    if (node.path(field).asText("").isBlank()) {
                        problems.add(where + " has no '" + field + "'");
                    }
                }
                if (!problems.isEmpty()) {
                    throw new ConfigurationException("ga4 configuration", problems);
                }
                return new AuthorizedUser(node.path("client_id").asText(), Secret.of(node.path("client_secret").asText()),
                        Secret.of(node.path("refresh_token").asText()), tokenUri);
            }
            default -> throw new ConfigurationException("ga4 configuration", List.of(where + " is of type '" + type
                    + "'; the GA4 connector reads 'service_account' keys and 'authorized_user' files"));
        }
    }

    private static PrivateKey privateKey(String pem) throws java.security.GeneralSecurityException {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
