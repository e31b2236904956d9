package dev.sigil.prices;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.sigil.cost.PriceCatalog;
import dev.sigil.cost.PriceOverrides;
import dev.sigil.cost.ProviderPrice;

/**
 * Where prices come from: the snapshot, then {@code ~/.sigil/prices.yaml} if it exists, then {@code --prices FILE},
 * each file's models tried before what came earlier (so the named file wins, then the home file, then the snapshot).
 */
public final class PriceFiles {

    private PriceFiles() {
    }

    /**
     * {@code snapshot} with the override files applied.
     *
     * @param homeFile ~/.sigil/prices.yaml (used only if it exists)
     * @param named the file of --prices, if given (it must exist)
     * @throws PriceFileException with every problem of every file
     */
    public static LoadedPrices load(PriceCatalog snapshot, Path homeFile, Optional<Path> named) {
        List<String> problems = new ArrayList<>();
        List<ProviderPrice> providers = snapshot.providers();
        List<LoadedPrices.OverrideFile> files = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        if (Files.exists(homeFile)) {
            paths.add(homeFile);
        }
        named.ifPresent(paths::add);
        for (Path path : paths) {
            Optional<byte[]> bytes = read(path, problems);
            if (bytes.isEmpty()) {
                continue;
            }
            PriceOverrides.Result result = PriceOverrides.read(path.toString(), bytes.get(), snapshot.units());
            problems.addAll(result.errors());
            providers = PriceOverrides.applyTo(providers, result.providers());
            files.add(0, new LoadedPrices.OverrideFile(path.toString(), result.providers().stream().mapToInt(p -> p.models().size()).sum()));
        }
        if (!problems.isEmpty()) {
            throw new PriceFileException(problems);
        }
        return new LoadedPrices(snapshot.with(providers), files);
    }

    private static Optional<byte[]> read(Path path, List<String> problems) {
        try {
            if (Files.isDirectory(path)) {
                problems.add(path + ": is a directory");
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            problems.add(path + ": no such file");
        } catch (AccessDeniedException e) {
            problems.add(path + ": permission denied");
        } catch (IOException e) {
            problems.add(path + ": cannot read: " + e.getMessage());
        }
        return Optional.empty();
    }
}
