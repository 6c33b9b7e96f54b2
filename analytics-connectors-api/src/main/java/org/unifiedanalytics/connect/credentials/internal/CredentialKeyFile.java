package org.unifiedanalytics.connect.credentials.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unifiedanalytics.model.ConfigurationException;

/**
 * The credentials key of an embedded warehouse, in a file beside it ({@code <warehouse>.credentials-key}),
 * made on first use with owner-only permissions, like an SSH key. A new user's rotated OAuth tokens are then
 * kept, encrypted, from the first sync on, without setting anything up; whoever can read the warehouse file
 * and this one can read the tokens, so the two are backed up and shared apart.
 */
public final class CredentialKeyFile {
    /** What follows the warehouse's path in the key file's name. */
    public static final String SUFFIX = ".credentials-key";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private CredentialKeyFile() {
    }

    /** The key file of the embedded warehouse at {@code warehouse} (its path without extension). */
    public static Path beside(Path warehouse) {
        return warehouse.resolveSibling(warehouse.getFileName() + SUFFIX);
    }

    /** The key in the file, made first when there is none. */
    public static AesGcmCipher readOrCreate(Path file) {
        try {
            if (Files.notExists(file)) {
                try {
                    create(file);
                    LOG.info("Created the credentials key {} (owner-only): it encrypts refreshed OAuth tokens in the warehouse;"
                            + " keep it beside the warehouse file and back it up apart from it", file);
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    // read the one it made
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the credentials key " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path made;
        try {
            made = Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            made = Files.createFile(file);
            made.toFile().setReadable(false, false);
            made.toFile().setReadable(true, true);
            made.toFile().setWritable(false, false);
            made.toFile().setWritable(true, true);
        }
        Files.writeString(made, Base64.getEncoder().encodeToString(key) + System.lineSeparator(), StandardCharsets.US_ASCII);
    }

    private static AesGcmCipher read(Path file) throws IOException {
        warnWhenOthersMayRead(file);
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new ConfigurationException("credentials key", List.of("the credentials key file " + file
                    + " does not hold a base64 AES-256 key (32 bytes): restore it from a backup, or remove it together"
                    + " with the stored tokens and authorize the accounts again"));
        }
        return new AesGcmCipher(key);
    }

    private static void warnWhenOthersMayRead(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(p -> !OWNER_ONLY.contains(p))) {
                LOG.warn("The credentials key {} can be read by others ({}): chmod 600 it", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions to check on this file system
        }
    }
}
