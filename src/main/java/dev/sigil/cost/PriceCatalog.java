package dev.sigil.cost;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price data sigil knows: the snapshot's providers, with the overrides' models tried first, and genai-prices'
 * unit table. Finds the model of a {@code provider:model-id} as genai-prices' {@code calcPrice} does: the provider by
 * id, else by its provider rule (a {@code litellm} provider taken from a {@code provider/model} id), else by a model
 * rule; the model by the provider's rules in order, then the fallback providers', then again with a {@code -YYYYMMDD}
 * date in the id written {@code -YYYY-MM-DD}. Immutable.
 */
public final class PriceCatalog {

    private static final Pattern COMPACT_DATE = Pattern.compile("(-)(20[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?=-|:|\\z)");
    private static final String LITELLM = "litellm";

    private final Snapshot snapshot;
    private final Units units;
    private final List<ProviderPrice> providers;

    public PriceCatalog(Snapshot snapshot, Units units, List<ProviderPrice> providers) {
        this.snapshot = snapshot;
        this.units = units;
        this.providers = List.copyOf(providers);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public Units units() {
        return units;
    }

    public List<ProviderPrice> providers() {
        return providers;
    }

    /** This catalog with {@code overrides} applied (see {@link PriceOverrides#applyTo}). */
    public PriceCatalog with(List<ProviderPrice> merged) {
        return new PriceCatalog(snapshot, units, merged);
    }

    /** The model of {@code name}: {@code provider:model-id}, or a bare model id without a colon (its provider found by model rules). */
    public Lookup find(String name) {
        int colon = name.indexOf(':');
        return colon < 0 ? find(null, name, name) : find(name.substring(0, colon), name.substring(colon + 1), name);
    }

    /** The model {@code modelId} of the provider {@code providerId}, or of the provider whose model rules claim it when null. */
    public Lookup find(String providerId, String modelId) {
        return find(providerId, modelId, providerId == null ? modelId : providerId + ":" + modelId);
    }

    private Lookup find(String givenProvider, String givenModel, String name) {
        // An empty provider is no provider, as in JavaScript, where "" is false.
        String providerId = givenProvider == null || givenProvider.isEmpty() ? null : givenProvider;
        String modelId = JsText.lowerTrim(givenModel);
        if (providerId != null && MatchRule.lower(providerId).equals(LITELLM) && modelId.indexOf('/') > 0
                && modelId.indexOf('/') < modelId.length() - 1) {
            String inner = modelId.substring(0, modelId.indexOf('/'));
            if (byProviderName(inner).isPresent()) {
                providerId = inner;
                modelId = modelId.substring(modelId.indexOf('/') + 1);
            }
        }
        Optional<Found> provider = provider(providerId, modelId);
        if (provider.isEmpty()) {
            return new Lookup(name, Optional.empty(), "", Optional.empty(), "");
        }
        ProviderPrice p = provider.get().provider();
        Optional<Found> model = model(p, modelId);
        String normalized = normalizeDates(modelId);
        if (model.isEmpty() && !normalized.equals(modelId)) {
            model = model(p, normalized).map(f -> new Found(f.provider(), f.model(), f.why() + ", for the id written " + normalized));
        }
        return model.map(f -> new Lookup(name, Optional.of(p), provider.get().why(), Optional.of(f.model()), f.why()))
                .orElseGet(() -> new Lookup(name, Optional.of(p), provider.get().why(), Optional.empty(), ""));
    }

    /** What was found, and why, in words. */
    private record Found(ProviderPrice provider, ModelPrice model, String why) {
    }

    private Optional<Found> provider(String providerId, String modelId) {
        if (providerId != null) {
            Optional<Found> byName = byProviderName(providerId);
            if (byName.isPresent() || !MatchRule.lower(providerId).equals(LITELLM)) {
                return byName;
            }
        }
        for (ProviderPrice p : providers) {
            if (p.modelMatch().isPresent() && p.modelMatch().get().matches(modelId)) {
                return Optional.of(new Found(p, null, "its model rule " + MatchRule.why(p.modelMatch().get(), modelId)));
            }
        }
        return Optional.empty();
    }

    private Optional<Found> byProviderName(String providerId) {
        String id = JsText.lowerTrim(providerId);
        for (ProviderPrice p : providers) {
            if (p.id().equals(id)) {
                return Optional.of(new Found(p, null, "id \"" + p.id() + "\""));
            }
        }
        for (ProviderPrice p : providers) {
            if (p.providerMatch().isPresent() && p.providerMatch().get().matches(id)) {
                return Optional.of(new Found(p, null, "provider rule " + MatchRule.why(p.providerMatch().get(), id)));
            }
        }
        return Optional.empty();
    }

    private Optional<Found> model(ProviderPrice provider, String modelId) {
        Optional<Found> own = ownModel(provider, modelId, "");
        if (own.isPresent()) {
            return own;
        }
        for (String fallback : provider.fallbackProviders()) {
            for (ProviderPrice other : providers) {
                if (other.id().equals(fallback)) {
                    Optional<Found> found = ownModel(other, modelId, ", a model of " + other.id() + " (a fallback provider of " + provider.id() + ")");
                    if (found.isPresent()) {
                        return found;
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> ownModel(ProviderPrice provider, String modelId, String via) {
        for (ModelPrice m : provider.models()) {
            if (m.match().matches(modelId)) {
                return Optional.of(new Found(provider, m, m.id() + ", which " + MatchRule.why(m.match(), modelId) + via));
            }
        }
        return Optional.empty();
    }

    /** {@code -YYYYMMDD} (a real date, before a '-', ':' or the end) written {@code -YYYY-MM-DD}. */
    static String normalizeDates(String id) {
        Matcher m = COMPACT_DATE.matcher(id);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group();
            try {
                LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
                replacement = "-" + m.group(2) + "-" + m.group(3) + "-" + m.group(4);
            } catch (DateTimeException notADate) {
                // kept as written, as genai-prices keeps it
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
