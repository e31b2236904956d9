package dev.sigil.cost;

import java.util.List;
import java.util.Optional;

/**
 * A provider of the price data and its models, in the order they are tried.
 *
 * @param id as in {@code provider:model-id} (lower case in the snapshot)
 * @param name display name
 * @param pricingUrls where the provider publishes its prices
 * @param providerMatch other provider names that mean this one, if any
 * @param modelMatch model ids that belong to it when no provider is named, if any
 * @param fallbackProviders providers whose models it also serves, tried after its own
 * @param models its models
 * @param origin where it comes from (the snapshot, or the override that adds it)
 */
public record ProviderPrice(String id, String name, List<String> pricingUrls, Optional<MatchRule> providerMatch,
                            Optional<MatchRule> modelMatch, List<String> fallbackProviders, List<ModelPrice> models, Origin origin) {

    public ProviderPrice {
        pricingUrls = List.copyOf(pricingUrls);
        fallbackProviders = List.copyOf(fallbackProviders);
        models = List.copyOf(models);
    }

    /** The same provider with {@code first} tried before its own models. */
    ProviderPrice withModelsFirst(List<ModelPrice> first) {
        List<ModelPrice> all = new java.util.ArrayList<>(first);
        all.addAll(models);
        return new ProviderPrice(id, name, pricingUrls, providerMatch, modelMatch, fallbackProviders, all, origin);
    }
}
