package dev.sigil.remote.follow;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates a {@code wss://} server may show (ADR 0141): the JDK's trusted authorities by default, or only
 * those of a PEM file given with {@code --ca FILE} (a server's own self-signed certificate, or the authority that
 * signed it). The host name is checked against the certificate either way.
 */
public final class ClientTls {

    /** The JDK's trusted authorities. */
    public static final ClientTls NONE = new ClientTls(null);

    private final SSLContext context;

    private ClientTls(SSLContext context) {
        this.context = context;
    }

    /**
     * Trusts the certificates of the PEM file {@code caFile} only.
     *
     * @throws IllegalArgumentException saying what is wrong with the file, for a user
     */
    public static ClientTls trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("--ca " + caFile + ": no certificate in it (PEM: -----BEGIN CERTIFICATE-----)");
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trusted.setCertificateEntry("ca" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return new ClientTls(ssl);
        } catch (IOException e) {
            throw new IllegalArgumentException("--ca " + caFile + ": cannot read it: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--ca " + caFile + ": not PEM certificates: " + e.getMessage());
        }
    }

    /** An HTTP client for the server's streams. */
    HttpClient client() {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        return (context == null ? b : b.sslContext(context)).build();
    }
}
