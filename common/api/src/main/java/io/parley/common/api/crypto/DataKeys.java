package io.parley.common.api.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * How a file's data key is wrapped to a tenant's public key and unwrapped with its private key: RSA-OAEP with SHA-256
 * and MGF1-SHA-256, empty label (docs/encryption.md). call-service wraps with the public key crypto-service publishes
 * on {@code crypto.keys}; crypto-service alone unwraps.
 */
public final class DataKeys {

    public static final String TRANSFORMATION = "RSA/ECB/OAEPPadding";
    public static final OAEPParameterSpec OAEP = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);

    private DataKeys() {
    }

    /** The public key as the API and the events show it: base64 of the X.509 SubjectPublicKeyInfo (DER). */
    public static PublicKey publicKey(String base64Der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64Der)));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("Not base64", e);
        }
    }

    public static byte[] wrap(PublicKey key, byte[] dataKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.ENCRYPT_MODE, key, OAEP);
        return cipher.doFinal(dataKey);
    }

    public static byte[] unwrap(PrivateKey key, byte[] wrapped) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key, OAEP);
        return cipher.doFinal(wrapped);
    }
}
