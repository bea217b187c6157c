package com.ticketing.auth;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads PEM-encoded keys. */
final class PemKeys {

    private PemKeys() {
    }

    /** An RSA public key from an X.509 {@code -----BEGIN PUBLIC KEY-----} PEM (newlines may be {@code \n} escapes). */
    static PublicKey rsaPublicKey(String pem) {
        String base64 = pem.replace("\\n", "\n")
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("TICKETING_JWT_PUBLIC_KEY is not an X.509 PEM RSA public key", e);
        }
    }
}
