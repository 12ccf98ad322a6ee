package io.parley.crypto.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Encrypted private keys that declare any scheme and parameters, over random bytes: what a file can ask of the key
 * derivation, whether or not anything could ever decrypt it.
 */
final class EncryptedKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private EncryptedKeys() {
    }

    /** An {@code ENCRYPTED PRIVATE KEY} in PEM declaring the scheme. */
    static String declaring(AlgorithmIdentifier scheme) {
        try {
            byte[] der = new EncryptedPrivateKeyInfo(scheme, random(1232)).getEncoded();
            return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                    + new String(Base64.getMimeEncoder(64, new byte[] { '\n' }).encode(der), StandardCharsets.US_ASCII)
                    + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PBES2 with PBKDF2 of the iterations and hash given, and AES-256-CBC. */
    static AlgorithmIdentifier pbkdf2(int iterations, ASN1ObjectIdentifier prf) {
        return pbes2(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2,
                new PBKDF2Params(salt(), iterations, hmac(prf))), NISTObjectIdentifiers.id_aes256_CBC);
    }

    static AlgorithmIdentifier pbes2(KeyDerivationFunc derivation, ASN1ObjectIdentifier cipher) {
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2,
                new PBES2Parameters(derivation, new EncryptionScheme(cipher, new DEROctetString(random(16)))));
    }

    static AlgorithmIdentifier hmac(ASN1ObjectIdentifier prf) {
        return new AlgorithmIdentifier(prf, DERNull.INSTANCE);
    }

    static byte[] salt() {
        return random(16);
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
