package porttracer.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import porttracer.config.StartupException;

/**
 * A TLS server key store from PEM files as certificate tools write them: the certificate chain (leaf first) and
 * an unencrypted private key, PKCS#8 ("PRIVATE KEY", RSA or EC) or PKCS#1 ("RSA PRIVATE KEY", RFC 8017).
 */
final class PemKeyStore {

    static final char[] PASSWORD = "porttracer-in-memory".toCharArray();
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeyStore() {
    }

    static KeyStore load(Path certFile, Path keyFile) {
        List<? extends Certificate> chain;
        try {
            chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile))));
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException("PORTTRACER_API_TLS_CERT_FILE " + certFile + ": not a readable PEM certificate ("
                    + e.getMessage() + ")", e);
        }
        if (chain.isEmpty()) {
            throw new StartupException("PORTTRACER_API_TLS_CERT_FILE " + certFile + " holds no certificate");
        }
        PrivateKey key = privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm());
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("api", key, PASSWORD, chain.toArray(new Certificate[0]));
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException("PORTTRACER_API_TLS_KEY_FILE " + keyFile + " does not match PORTTRACER_API_TLS_CERT_FILE "
                    + certFile + " (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey privateKey(Path keyFile, String algorithm) {
        String text;
        try {
            text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StartupException("PORTTRACER_API_TLS_KEY_FILE " + keyFile + " cannot be read (" + e.getMessage() + ")", e);
        }
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            try {
                switch (m.group(1)) {
                    case "PRIVATE KEY":
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    case "RSA PRIVATE KEY":
                        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der)));
                    default:
                        break;
                }
            } catch (GeneralSecurityException e) {
                throw new StartupException("PORTTRACER_API_TLS_KEY_FILE " + keyFile + " holds no usable " + algorithm
                        + " key (" + e.getMessage() + ")", e);
            }
        }
        throw new StartupException("PORTTRACER_API_TLS_KEY_FILE " + keyFile + " holds no unencrypted PEM private key "
                + "(PRIVATE KEY or RSA PRIVATE KEY; convert others with: openssl pkcs8 -topk8 -nocrypt)");
    }

    /** Wraps an RSAPrivateKey (PKCS#1) in a PrivateKeyInfo (PKCS#8, RFC 5208) with the rsaEncryption algorithm id. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] len = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + len.length + n];
        out[0] = (byte) tag;
        System.arraycopy(len, 0, out, 1, len.length);
        System.arraycopy(content, 0, out, 1 + len.length, n);
        return out;
    }
}
