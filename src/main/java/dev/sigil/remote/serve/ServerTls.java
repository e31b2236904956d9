package dev.sigil.remote.serve;

import java.io.IOException;
import java.io.InputStream;
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

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * {@code serve --tls-cert FILE --tls-key FILE} (ADR 0141): the server's certificate chain and private key read from
 * PEM files, as certbot, openssl and most tools write them, into the TLS context of the server's one port. The key
 * must be PKCS #8 ({@code -----BEGIN PRIVATE KEY-----}), RSA, EC or EdDSA, unencrypted; another form is refused saying
 * how to convert it.
 */
final class ServerTls {

    private static final Pattern KEY = Pattern.compile("-----BEGIN ([A-Z ]*)PRIVATE KEY-----([A-Za-z0-9+/=\\s]*)-----END \\1PRIVATE KEY-----");
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    /** Thrown for files that cannot serve, with a reason for a user. */
    static final class Invalid extends IOException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private ServerTls() {
    }

    /** The TLS context for Jetty's connector. */
    static SslContextFactory.Server of(Path certFile, Path keyFile) throws IOException {
        SslContextFactory.Server f = new SslContextFactory.Server();
        f.setSslContext(context(certFile, keyFile));
        return f;
    }

    static SSLContext context(Path certFile, Path keyFile) throws IOException {
        Certificate[] chain = chain(certFile);
        PrivateKey key = key(keyFile);
        try {
            char[] none = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("sigil", key, none, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, none);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), null, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new Invalid("--tls-key " + keyFile + " does not go with --tls-cert " + certFile + ": " + e.getMessage());
        }
    }

    private static Certificate[] chain(Path certFile) throws IOException {
        try (InputStream in = Files.newInputStream(certFile)) {
            Certificate[] chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
            if (chain.length == 0) {
                throw new Invalid("--tls-cert " + certFile + ": no certificate in it (PEM: -----BEGIN CERTIFICATE-----)");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new Invalid("--tls-cert " + certFile + ": not PEM certificates: " + e.getMessage());
        }
    }

    private static PrivateKey key(Path keyFile) throws IOException {
        String text = Files.readString(keyFile, StandardCharsets.US_ASCII);
        Matcher m = KEY.matcher(text);
        if (!m.find()) {
            throw new Invalid("--tls-key " + keyFile + ": no PEM private key in it (-----BEGIN PRIVATE KEY-----)");
        }
        if (!m.group(1).isEmpty()) {
            throw new Invalid("--tls-key " + keyFile + ": a " + m.group(1).trim() + " private key; give it as unencrypted PKCS #8: "
                    + "openssl pkcs8 -topk8 -nocrypt -in " + keyFile + " -out key.pem");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new Invalid("--tls-key " + keyFile + ": its base64 does not decode");
        }
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // the next algorithm
            }
        }
        throw new Invalid("--tls-key " + keyFile + ": not an RSA, EC or EdDSA key in PKCS #8");
    }
}
