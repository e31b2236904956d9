package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --tls-cert --tls-key} with a certificate made here by the JDK's keytool for 127.0.0.1: {@code tail} and
 * {@code monitor} read it over {@code wss://} when told to trust it with {@code --ca}, and are refused without; files
 * that cannot serve are usage errors saying why.
 */
class ServeTlsTest {

    private static final String LINE = "{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
            + "\"component\":\"reasoning\",\"message\":\"ok\",\"tokens\":5,\"metadata\":{\"output\":\"" + "y".repeat(8192) + "\"}}\n";

    @TempDir
    Path tmp;

    /** A self-signed certificate for 127.0.0.1 as cert.pem and its key as key.pem (PKCS #8). */
    private Path[] certificate(String name) throws Exception {
        Path store = tmp.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "s", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        Path cert = tmp.resolve(name + "-cert.pem");
        keytool("-exportcert", "-rfc", "-alias", "s", "-keystore", store.toString(), "-storepass", "changeit", "-file", cert.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Key key = ks.getKey("s", "changeit".toCharArray());
        Path keyPem = tmp.resolve(name + "-key.pem");
        Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return new Path[] {cert, keyPem};
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private record Run(int code, String out, String err) {
    }

    private Run sigil(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", tmp.toString()), new ByteArrayInputStream(new byte[0]), out, false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void aTlsServerIsFollowedOverWssWithItsCertificateTrusted() throws Exception {
        Path[] tls = certificate("server");
        Path[] other = certificate("other");
        Path logs = tmp.resolve("logs");
        Path dir = Files.createDirectories(logs.resolve("sessions/s1"));
        Files.writeString(dir.resolve("execution.jsonl"), LINE + LINE);
        ServeThread serve = ServeThread.start(Map.of("HOME", tmp.toString()), "wss",
                "serve", "--port", "0", "-l", logs.toString(), "--tls-cert", tls[0].toString(), "--tls-key", tls[1].toString());
        String url = "wss://127.0.0.1:" + serve.port() + "/sessions/s1";
        try {
            Run raw = sigil("tail", "--format", "raw", "--ca", tls[0].toString(), url);
            assertThat(raw.code()).as(raw.err()).isZero();
            assertThat(raw.out()).isEqualTo(LINE + LINE);
            Run monitor = sigil("monitor", "--no-follow", "-m", "stream", "--ca", tls[0].toString(), url);
            assertThat(monitor.code()).as(monitor.err()).isZero();
            assertThat(monitor.out()).contains("Found log file: " + url).contains("reasoning: ok");

            Run untrusted = sigil("tail", "--ca", other[0].toString(), url);
            assertThat(untrusted.code()).isEqualTo(ExitCode.USAGE);
            assertThat(untrusted.err()).contains("refused: cannot reach the server");
            Run jdkTrust = sigil("tail", url);
            assertThat(jdkTrust.code()).isEqualTo(ExitCode.USAGE);
            Run plain = sigil("tail", url.replace("wss://", "ws://"));
            assertThat(plain.code()).isEqualTo(ExitCode.USAGE);
            assertThat(raw.out()).doesNotContain("BEGIN");
        } finally {
            assertThat(serve.stop()).isEqualTo(ExitCode.INTERRUPTED);
        }
    }

    @Test
    void filesThatCannotServeAreUsageErrors() throws Exception {
        Path[] tls = certificate("bad");
        Run one = sigil("serve", "--port", "0", "--tls-cert", tls[0].toString());
        assertThat(one.err()).contains("give --tls-cert and --tls-key together");
        Run missing = sigil("serve", "--port", "0", "--tls-cert", tls[0].toString(), "--tls-key", tmp.resolve("none.pem").toString());
        assertThat(missing.err()).contains("--tls-key " + tmp.resolve("none.pem") + ": not a readable file");
        Path pkcs1 = Files.writeString(tmp.resolve("rsa.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        Run rsa = sigil("serve", "--port", "0", "--tls-cert", tls[0].toString(), "--tls-key", pkcs1.toString());
        assertThat(rsa.code()).isEqualTo(ExitCode.USAGE);
        assertThat(rsa.err()).contains("a RSA private key; give it as unencrypted PKCS #8: openssl pkcs8 -topk8 -nocrypt");
        Run notCert = sigil("serve", "--port", "0", "--tls-cert", tls[1].toString(), "--tls-key", tls[1].toString());
        assertThat(notCert.code()).isEqualTo(ExitCode.USAGE);
        assertThat(notCert.err()).contains("--tls-cert " + tls[1]);
        Run otlp = sigil("serve", "--otlp", "--port", "0", "--tls-cert", tls[0].toString(), "--tls-key", tls[1].toString());
        assertThat(otlp.err()).contains("are for the monitoring stream, not --otlp");
        Run ca = sigil("tail", "--ca", tls[1].toString(), "wss://127.0.0.1:1/sessions/s1");
        assertThat(ca.code()).isEqualTo(ExitCode.USAGE);
        assertThat(ca.err()).contains("--ca " + tls[1]);
    }
}
