package dev.sigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever sources set a key, the flag wins over the environment, the environment over the file, the file over the default. */
class ConfigPrecedenceProperties {

    private static Path home;

    @BeforeContainer
    static void makeHome() throws IOException {
        home = Files.createTempDirectory("sigil-config-home");
        Files.createDirectories(home.resolve(".sigil"));
    }

    @AfterContainer
    static void removeHome() throws IOException {
        Files.deleteIfExists(home.resolve(".sigil/config.yaml"));
        Files.deleteIfExists(home.resolve(".sigil"));
        Files.deleteIfExists(home);
    }

    @Property(tries = 300)
    void theHighestSourcePresentWins(@ForAll Optional<@LongRange(min = 1, max = 10_000_000) Long> file,
                                     @ForAll Optional<@LongRange(min = 1, max = 10_000_000) Long> env,
                                     @ForAll @Size(max = 3) List<@LongRange(min = 1, max = 10_000_000) Long> flags,
                                     @ForAll Optional<@LongRange(min = 1, max = 60_000) Long> flushMs) throws IOException {
        Path config = home.resolve(".sigil/config.yaml");
        StringBuilder yaml = new StringBuilder("token_budget:\n  allocations:\n    reasoning: 0\n");
        file.ifPresent(v -> yaml.append("  default_total: ").append(v).append('\n'));
        Files.writeString(config, yaml);
        Map<String, String> environment = new HashMap<>();
        env.ifPresent(v -> environment.put("SIGIL_TOKEN_BUDGET", v.toString()));
        flushMs.ifPresent(v -> environment.put("SIGIL_FLUSH_INTERVAL", v.toString()));
        List<ConfigInputs.Flag> given = new ArrayList<>();
        flags.forEach(v -> given.add(new ConfigInputs.Flag("token_budget.default_total", v.toString(), "--budget")));
        // allocations default to 0 so that any total fits
        for (String c : List.of("routing", "memory", "planning", "contracts", "validation")) {
            given.add(0, new ConfigInputs.Flag("token_budget.allocations." + c, "0", "--set"));
        }

        LoadedConfig loaded = ConfigLoader.load(new ConfigInputs(home, Optional.empty(), environment, given));

        long expected = !flags.isEmpty() ? flags.get(flags.size() - 1) : env.orElse(file.orElse(256_000L));
        ConfigSource source = !flags.isEmpty() ? ConfigSource.FLAG : env.isPresent() ? ConfigSource.ENV
                : file.isPresent() ? ConfigSource.FILE : ConfigSource.DEFAULT;
        assertThat(loaded.config().tokenBudget().defaultTotal()).isEqualTo(expected);
        assertThat(loaded.settings().get("token_budget.default_total").origin().source()).isEqualTo(source);
        assertThat(loaded.config().logging().flushInterval().toMillis()).isEqualTo(flushMs.orElse(100L));
        assertThat(loaded.settings().get("token_budget.allocations.reasoning").origin().source()).isEqualTo(ConfigSource.FILE);
    }
}
