package io.parley.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair of the identity tokens (see {@code io.parley.common.api.identity.IdentityToken}): the gateway signs
 * with the private key, the services verify with the public one. Kept as PEM files ({@code identity-private.pem},
 * PKCS#8, readable by its owner only; {@code identity-public.pem}, X.509), made on first use and reused after.
 */
public record IdentityKeyPair(Path privateKey, Path publicKey) {

    public static IdentityKeyPair in(Path directory) {
        IdentityKeyPair pair = new IdentityKeyPair(directory.resolve("identity-private.pem"),
                directory.resolve("identity-public.pem"));
        if (!Files.exists(pair.privateKey()) || !Files.exists(pair.publicKey())) {
            pair.generate();
        }
        return pair;
    }

    /** For configuration that names key files: {@code file:} and the absolute path. */
    public String privateKeyLocation() {
        return "file:" + privateKey.toAbsolutePath();
    }

    public String publicKeyLocation() {
        return "file:" + publicKey.toAbsolutePath();
    }

    /** The private key, read from its PEM file: for whoever signs identity tokens in tests and tools. */
    public PrivateKey readPrivateKey() {
        try {
            String pem = Files.readString(privateKey, StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                    .replace("-----END PRIVATE KEY-----", "").strip());
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The identity key " + privateKey + " cannot be read", e);
        }
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Files.createDirectories(privateKey.getParent());
            Files.writeString(privateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: left as the platform creates files
            }
            Files.writeString(publicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA keys cannot be generated", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
