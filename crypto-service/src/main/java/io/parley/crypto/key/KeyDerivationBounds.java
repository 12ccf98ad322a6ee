package io.parley.crypto.key;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The password-based encryption an imported {@code ENCRYPTED PRIVATE KEY} may declare, checked before anything is
 * derived: the file chooses the key-derivation cost, and BouncyCastle runs whatever it declares. Accepted are the
 * schemes openssl writes by default (PBES2 with PBKDF2 and a CBC cipher; the PKCS#12 SHA-1 and triple-DES scheme of
 * OpenSSL 1.x), at most as costly as OWASP's password storage guidance recommends; anything else, scrypt included
 * (BouncyCastle's reader does not implement it), is refused (docs/encryption.md).
 */
final class KeyDerivationBounds {

    /**
     * Most PBKDF2 iterations per pseudo-random function: OWASP's recommended counts (2023), which cost about the same
     * time each; openssl writes 2,048 (HMAC-SHA-256) by default. SHA-224 and SHA-384 share SHA-256's and SHA-512's
     * compression functions, and so their counts.
     */
    static final Map<ASN1ObjectIdentifier, Integer> PBKDF2_ITERATIONS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, 1_300_000,
            PKCSObjectIdentifiers.id_hmacWithSHA224, 600_000,
            PKCSObjectIdentifiers.id_hmacWithSHA256, 600_000,
            PKCSObjectIdentifiers.id_hmacWithSHA384, 210_000,
            PKCSObjectIdentifiers.id_hmacWithSHA512, 210_000);
    /** The PKCS#12 scheme hashes once per iteration, HMAC-SHA-1 twice: SHA-1's PBKDF2 count bounds it as well. */
    static final int PKCS12_ITERATIONS = 1_300_000;
    private static final BigInteger KEY_BYTES = BigInteger.valueOf(32);
    private static final Set<ASN1ObjectIdentifier> PBES2_CIPHERS = Set.of(NISTObjectIdentifiers.id_aes128_CBC,
            NISTObjectIdentifiers.id_aes192_CBC, NISTObjectIdentifiers.id_aes256_CBC,
            PKCSObjectIdentifiers.des_EDE3_CBC);
    private static final Set<ASN1ObjectIdentifier> PKCS12_SCHEMES = Set.of(
            PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, PKCSObjectIdentifiers.pbeWithSHAAnd2_KeyTripleDES_CBC);
    private static final String UNSUPPORTED = "is encrypted with a scheme that is not supported: use PBES2 with PBKDF2"
            + " and AES-CBC or DES-EDE3-CBC, as openssl writes by default";

    private KeyDerivationBounds() {
    }

    /** Refuses an encryption that is not supported or costs more than the bounds, naming {@code private_key}. */
    static void check(AlgorithmIdentifier encryption) throws KeyMaterial.InvalidKey {
        try {
            ASN1ObjectIdentifier scheme = encryption.getAlgorithm();
            if (PKCSObjectIdentifiers.id_PBES2.equals(scheme)) {
                PBES2Parameters parameters = PBES2Parameters.getInstance(encryption.getParameters());
                if (!PBES2_CIPHERS.contains(parameters.getEncryptionScheme().getAlgorithm())) {
                    throw unsupported();
                }
                checkDerivation(parameters.getKeyDerivationFunc());
            } else if (PKCS12_SCHEMES.contains(scheme)) {
                atMost(PKCS12PBEParams.getInstance(encryption.getParameters()).getIterations(), PKCS12_ITERATIONS,
                        "iterations");
            } else {
                throw unsupported();
            }
        } catch (RuntimeException e) {
            // parameters that are not the declared scheme's structure: BouncyCastle reports them unchecked
            throw new KeyMaterial.InvalidKey("private_key", "invalid", "has malformed encryption parameters");
        }
    }

    private static void checkDerivation(KeyDerivationFunc derivation) throws KeyMaterial.InvalidKey {
        if (PKCSObjectIdentifiers.id_PBKDF2.equals(derivation.getAlgorithm())) {
            PBKDF2Params parameters = PBKDF2Params.getInstance(derivation.getParameters());
            Integer most = PBKDF2_ITERATIONS.get(parameters.getPrf().getAlgorithm());
            if (most == null) {
                throw unsupported();
            }
            atMost(parameters.getIterationCount(), most, "PBKDF2 iterations with this hash");
            // each block of the derived key costs the iterations again: no cipher takes more than 32 bytes
            if (parameters.getKeyLength() != null && parameters.getKeyLength().compareTo(KEY_BYTES) > 0) {
                throw new KeyMaterial.InvalidKey("private_key", "invalid", "has malformed encryption parameters");
            }
        } else {
            throw unsupported();
        }
    }

    private static void atMost(BigInteger declared, long most, String what) throws KeyMaterial.InvalidKey {
        if (declared.signum() <= 0) {
            throw new KeyMaterial.InvalidKey("private_key", "invalid", "has malformed encryption parameters");
        }
        if (declared.compareTo(BigInteger.valueOf(most)) > 0) {
            throw new KeyMaterial.InvalidKey("private_key", "invalid",
                    "declares more key-derivation work than is accepted: at most " + most + " " + what);
        }
    }

    private static KeyMaterial.InvalidKey unsupported() {
        return new KeyMaterial.InvalidKey("private_key", "invalid", UNSUPPORTED);
    }
}
