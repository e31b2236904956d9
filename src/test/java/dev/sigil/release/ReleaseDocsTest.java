package dev.sigil.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Release hygiene (seed 000 §6.2 task 4.6, §8.1): one version, the build's; CHANGELOG.md in Keep a Changelog form
 * lists it with a date, newest first, under an Unreleased section; its release notes exist.
 */
class ReleaseDocsTest {

    private static final Pattern RELEASE = Pattern.compile("^## \\[([0-9]+\\.[0-9]+\\.[0-9]+)] - ([0-9]{4}-[0-9]{2}-[0-9]{2})$", Pattern.MULTILINE);

    /** The project's version: the first {@code <version>} of pom.xml (the one source). */
    static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>sigil</artifactId>\\s*<version>([^<]+)</version>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void theChangelogListsTheBuildsVersionAndItHasReleaseNotes() throws IOException {
        String changelog = Files.readString(Path.of("CHANGELOG.md"));
        String version = pomVersion().replace("-SNAPSHOT", "");
        assertThat(changelog).startsWith("# Changelog\n").contains("keepachangelog.com/en/1.1.0");
        assertThat(changelog.indexOf("## [Unreleased]")).as("Unreleased comes first").isPositive()
                .isLessThan(changelog.indexOf("## [" + version + "]"));
        List<String> versions = new ArrayList<>();
        Matcher m = RELEASE.matcher(changelog);
        while (m.find()) {
            versions.add(m.group(1));
        }
        assertThat(versions).as("the build's version is released, newest first").startsWith(version);
        for (String v : versions) {
            assertThat(changelog).contains("[" + v + "]: ");
            assertThat(Path.of("docs/release-notes/v" + v + ".md")).as("release notes of " + v).exists();
            assertThat(Files.readString(Path.of("docs/release-notes/v" + v + ".md"))).startsWith("# sigil " + v + " release notes");
        }
        assertThat(changelog).doesNotContain("- \n");
    }

    @Test
    void everySectionIsOneOfKeepAChangelogs() throws IOException {
        Matcher m = Pattern.compile("^### (.+)$", Pattern.MULTILINE).matcher(Files.readString(Path.of("CHANGELOG.md")));
        while (m.find()) {
            assertThat(m.group(1)).isIn("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security");
        }
    }
}
