package dev.sigil.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;
import dev.sigil.compat.CompatTools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules over all sessions ({@code scope: {sessions: all}}, docs/alerts.md §3): a replay of {@link AcrossCorpus}'s
 * overlapping sessions fires what compat-tests/python/alerts_across_expected.py derives from the page alone, in the
 * merged order; {@code sigil alerts watch --all} following two logs as they grow delivers what the replay of the
 * finished logs prints, and a restart delivers none of it again.
 */
class AlertsAcrossSessionsTest {

    private static final Path SCRIPT = CompatTools.root().resolve("compat-tests/python/alerts_across_expected.py");
    private static final JsonMapper DECIMALS = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir
    Path dir;

    @Test
    @Tag("compat")
    void aReplayFiresWhatAnIndependentReaderOfTheMergedLinesFinds() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("AlertsAcrossSessionsTest corpus seed " + seed);
        AcrossCorpus corpus = new AcrossCorpus(seed);
        List<Path> files = corpus.write(dir.resolve("logs"));
        Path rules = Files.writeString(dir.resolve("rules.yaml"), AcrossCorpus.RULES);
        Path prices = Files.writeString(dir.resolve("prices.yaml"), AlertCorpus.PRICES_YAML);
        Path pythonPrices = Files.writeString(dir.resolve("prices.json"), "{\"" + AlertCorpus.PRICED + "\": {\"input_mtok\": \"2\", \"output_mtok\": \"10\"}}");

        List<String> args = new ArrayList<>(List.of("alerts", "test", "--rules", rules.toString(), "--prices", prices.toString(), "--format", "json"));
        files.forEach(f -> args.add(f.toString()));
        String printed = run(1, args.toArray(String[]::new));
        List<JsonNode> sigil = lines(printed);
        List<String> reversed = new ArrayList<>(args.subList(0, 8));
        for (int i = files.size() - 1; i >= 0; i--) {
            reversed.add(files.get(i).toString());
        }
        assertThat(run(1, reversed.toArray(String[]::new))).as("the merged order does not depend on the order the logs are read in").isEqualTo(printed);
        List<JsonNode> python = lines(AlertCorpus.python(SCRIPT, rules, pythonPrices, files));

        assertThat(keys(sigil)).as("the alerts, in the merged order (seed %d)", seed).isEqualTo(keys(python));
        for (int i = 0; i < sigil.size(); i++) {
            assertThat(sigil.get(i).get("value").decimalValue()).as("value of %s", keys(sigil).get(i))
                    .isEqualByComparingTo(new BigDecimal(python.get(i).get("value").stringValue()));
        }
        assertThat(rules(sigil, "daily-cost-all")).as("the sessions together pass $30 on both days").hasSize(2);
        assertThat(rules(sigil, "daily-cost-each")).as("no session alone passes $30 a day").isEmpty();
        assertThat(rules(sigil, "session-cost")).as("the rules of each session fire beside them").hasSize(3);
        assertThat(rules(sigil, "events-all")).hasSize(1);
        assertThat(rules(sigil, "tool-errors-all")).as("alpha's and beta's failures at 14:00").isNotEmpty();
        assertThat(rules(sigil, "hourly-tokens-all")).isNotEmpty();
        assertThat(rules(sigil, "daily-cost-all").get(0).get("scope").toString()).isEqualTo("{\"sessions\":\"all\"}");
    }

    @Test
    void aLiveWatchOfTwoGrowingLogsDeliversWhatTheReplayOfTheFinishedLogsPrints() throws Exception {
        AcrossCorpus corpus = new AcrossCorpus(new Random().nextLong());
        Path logs = dir.resolve("logs");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), AcrossCorpus.RULES);
        Path prices = Files.writeString(dir.resolve("prices.yaml"), AlertCorpus.PRICES_YAML);
        List<AcrossCorpus.Line> written = corpus.asWritten(List.of("alpha", "beta"));
        for (String s : List.of("alpha", "beta")) { // both logs begin before the watch starts
            Files.createDirectories(AcrossCorpus.file(logs, s).getParent());
            Files.writeString(AcrossCorpus.file(logs, s), corpus.sessions.get(s).get(0).json() + "\n");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", dir.resolve("home").toString()), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), false, false);
        int[] code = {-1};
        Thread watch = new Thread(() -> code[0] = SigilCommand.commandLine(env, new PrintWriter(out), new PrintWriter(err))
                .execute("alerts", "watch", "--rules", rules.toString(), "--prices", prices.toString(), "--all", "--log-path", logs.toString(),
                        "--poll-interval", "10"));
        watch.start();
        String replay;
        try {
            for (AcrossCorpus.Line l : written) {
                if (l != corpus.sessions.get(l.session()).get(0)) {
                    Files.writeString(AcrossCorpus.file(logs, l.session()), l.json() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                    Thread.sleep(3);
                }
            }
            replay = run(1, "alerts", "test", "--rules", rules.toString(), "--prices", prices.toString(), "--format", "json", "--all",
                    "--log-path", logs.toString());
            long expected = replay.lines().count();
            for (int i = 0; i < 1500 && out.toString().lines().count() < expected; i++) {
                Thread.sleep(20);
            }
            // delivered, then counted: stopped in between, a watch delivers those alerts again (at least once)
            for (int i = 0; i < 500 && !(counted(logs, corpus, "alpha") && counted(logs, corpus, "beta")); i++) {
                Thread.sleep(20);
            }
        } finally {
            watch.interrupt();
            watch.join(30_000);
        }
        assertThat(code[0]).as(err.toString()).isEqualTo(130);
        List<String> live = out.toString().lines().toList();
        assertThat(rules(lines(replay), "daily-cost-all")).as("over alpha and beta only, day one").hasSize(1);
        assertThat(across(live)).as("the rules over all sessions, in the merged order").isEqualTo(across(replay.lines().toList()));
        assertThat(live.stream().sorted().toList()).as("every alert, live and replayed").isEqualTo(replay.lines().sorted().toList());

        String again = run(0, "alerts", "watch", "--rules", rules.toString(), "--prices", prices.toString(), "--all", "--log-path", logs.toString(),
                "--no-follow");
        assertThat(again).as("a restart delivers nothing again").isEmpty();
        assertThat(counted(logs, corpus, "alpha") && counted(logs, corpus, "beta")).as("every line's alerts of both kinds counted as delivered")
                .isTrue();
    }

    /** Whether the watch's state beside {@code session}'s log counts all its lines as delivered, of both kinds of rule. */
    private static boolean counted(Path logs, AcrossCorpus corpus, String session) throws IOException {
        Path state = AcrossCorpus.file(logs, session).resolveSibling("alerts.state.json");
        int n = corpus.sessions.get(session).size();
        return Files.isRegularFile(state) && Files.readString(state).contains("\"lines\":" + n + ",\"merged\":" + n + ",");
    }

    private static List<String> across(List<String> alerts) {
        return alerts.stream().filter(l -> l.contains("\"scope\":{\"sessions\":\"all\"}")).toList();
    }

    private static List<JsonNode> rules(List<JsonNode> alerts, String rule) {
        return alerts.stream().filter(a -> a.get("rule").stringValue().equals(rule)).toList();
    }

    private static List<String> keys(List<JsonNode> alerts) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : alerts) {
            out.add(a.get("rule").stringValue() + " " + a.get("severity").stringValue() + " " + a.get("metric").stringValue() + " "
                    + a.get("session_id").stringValue() + " " + a.get("timestamp").stringValue() + " " + a.get("file").stringValue() + ":"
                    + a.get("line").longValue());
        }
        return out;
    }

    private static List<JsonNode> lines(String text) {
        List<JsonNode> out = new ArrayList<>();
        text.lines().filter(l -> !l.isBlank()).forEach(l -> out.add(DECIMALS.readTree(l)));
        return out;
    }

    private String run(int expected, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", dir.resolve("home").toString()), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertThat(code).as("sigil %s: %s", String.join(" ", args), err).isEqualTo(expected);
        return out.toString();
    }
}
