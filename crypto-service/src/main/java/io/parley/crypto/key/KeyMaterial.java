package io.parley.crypto.key;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import java.util.concurrent.Callable;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * RSA key material in and out: generating pairs, reading what openssl writes (public keys as X.509 or PKCS#1 PEM;
 * private keys as PKCS#1, PKCS#8 or encrypted PKCS#8 PEM, and the legacy encrypted PKCS#1; PEM bodies without their
 * armour too) through BouncyCastle, and the fingerprint the API shows.
 */
final class KeyMaterial {

    static final int MIN_BITS = 1024;
    static final int MAX_BITS = 16384;

    /**
     * The PEM reading here asks this instance by reference, never the JVM's provider list; Quarkus installs BouncyCastle
     * there too (quarkus.security.security-providers), last, for what a native image must carry of it.
     */
    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Runs the decryption of an encrypted private key, the costly part of an import: the service bounds how many run
     * at once.
     */
    @FunctionalInterface
    interface Derivation {

        PrivateKeyInfo run(Callable<PrivateKeyInfo> decryption) throws Exception;
    }

    /** What is wrong with a key the caller sent, and under which field to say it. */
    static final class InvalidKey extends Exception {

        final String field;
        final String code;

        InvalidKey(String field, String code, String description) {
            super(description, null, false, false);
            this.field = field;
            this.code = code;
        }
    }

    private KeyMaterial() {
    }

    static KeyPair generate(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    /** A public key from PEM (PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE) or base64 of an X.509 public key. */
    static RSAPublicKey readPublic(String text) throws InvalidKey {
        Object parsed = parse(armoured(text, "PUBLIC KEY"), "public_key");
        try {
            SubjectPublicKeyInfo info = parsed instanceof X509CertificateHolder certificate
                    ? certificate.getSubjectPublicKeyInfo()
                    : parsed instanceof SubjectPublicKeyInfo key ? key : null;
            if (info != null && converter().getPublicKey(info) instanceof RSAPublicKey key) {
                checkLength(key.getModulus().bitLength(), "public_key");
                return key;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new InvalidKey("public_key", "invalid", "is not an RSA public key in PEM format");
    }

    /**
     * A private key from PEM (RSA PRIVATE KEY, PRIVATE KEY, ENCRYPTED PRIVATE KEY) or base64 of a PKCS#8 one,
     * decrypted with the password when it is encrypted.
     */
    static RSAPrivateKey readPrivate(String text, String password) throws InvalidKey {
        return readPrivate(text, password, Callable::call);
    }

    /**
     * {@link #readPrivate(String, String)}, decrypting through {@code derivation}, once the encryption the key
     * declares was found within {@link KeyDerivationBounds}.
     */
    static RSAPrivateKey readPrivate(String text, String password, Derivation derivation) throws InvalidKey {
        Object parsed = parse(armoured(text, "PRIVATE KEY"), "private_key");
        try {
            PrivateKeyInfo info;
            if (parsed instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
            } else if (parsed instanceof PrivateKeyInfo plain) {
                info = plain;
            } else if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                KeyDerivationBounds.check(encrypted.getEncryptionAlgorithm());
                char[] characters = password(password);
                info = decrypt(derivation, () -> {
                    try {
                        return encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(characters));
                    } catch (RuntimeException e) {
                        // BouncyCastle reports some malformed parameters with unchecked exceptions
                        throw new PKCSException("malformed encrypted private key", e);
                    }
                });
            } else if (parsed instanceof PEMEncryptedKeyPair encrypted) {
                info = encrypted.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(BC)
                        .build(password(password))).getPrivateKeyInfo();
            } else {
                info = null;
            }
            if (info != null && converter().getPrivateKey(info) instanceof RSAPrivateKey key) {
                checkLength(key.getModulus().bitLength(), "private_key");
                return key;
            }
        } catch (PKCSException | OperatorCreationException | IOException e) {
            throw new InvalidKey("private_key_password", "invalid", "does not decrypt private_key");
        }
        throw new InvalidKey("private_key", "invalid", "is not an RSA private key in PEM format");
    }

    /** The decryption run through {@code derivation}; what the derivation itself throws unchecked passes through. */
    private static PrivateKeyInfo decrypt(Derivation derivation, Callable<PrivateKeyInfo> decryption)
            throws PKCSException, OperatorCreationException, IOException {
        try {
            return derivation.run(decryption);
        } catch (PKCSException | OperatorCreationException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Decrypting a private key failed", e);
        }
    }

    /** Whether the two halves belong to one key pair. */
    static boolean matches(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        if (!publicKey.getModulus().equals(privateKey.getModulus())) {
            return false;
        }
        return !(privateKey instanceof RSAPrivateCrtKey crt)
                || crt.getPublicExponent().equals(publicKey.getPublicExponent());
    }

    /**
     * The fingerprint the API shows: MD5 of the X.509 public key (DER) in hex, 32 digits as in the reference's
     * example; the same as {@code openssl pkey -pubin -outform DER | md5sum}. An identifier, not a security check.
     */
    static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    }

    private static void checkLength(int bits, String field) throws InvalidKey {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new InvalidKey(field, "invalid", "RSA keys of " + MIN_BITS + " to " + MAX_BITS + " bits only");
        }
    }

    private static char[] password(String password) throws InvalidKey {
        if (password == null || password.isEmpty()) {
            throw new InvalidKey("private_key_password", "blank", "private_key is encrypted: a password is needed");
        }
        return password.toCharArray();
    }

    /** PEM as sent, or a bare base64 body given the armour of {@code type}. */
    private static String armoured(String text, String type) {
        String stripped = text.strip();
        if (stripped.startsWith("-----BEGIN ")) {
            return stripped;
        }
        return "-----BEGIN " + type + "-----\n" + stripped + "\n-----END " + type + "-----\n";
    }

    private static Object parse(String pem, String field) throws InvalidKey {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            if (parsed != null) {
                return parsed;
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle reports malformed ASN.1 with unchecked exceptions as well
        }
        throw new InvalidKey(field, "invalid", "is not a key in PEM format");
    }

    private static JcaPEMKeyConverter converter() {
        return new JcaPEMKeyConverter().setProvider(BC);
    }
}
