package io.parley.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import io.parley.common.embedded.IdentityKeyPair;

/** Reads the public half of an identity key pair, as a service would to verify tokens. */
public final class PemKeys {

    private PemKeys() {
    }

    public static PublicKey publicKey(IdentityKeyPair pair) {
        try {
            String pem = Files.readString(pair.publicKey(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + pair.publicKey(), e);
        }
    }
}
