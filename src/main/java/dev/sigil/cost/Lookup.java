package dev.sigil.cost;

import java.util.Optional;

/**
 * Which provider and which model of the price data a {@code provider:model-id} found, and why: what
 * {@code sigil prices --explain} shows. A lookup without a model is unpriced.
 *
 * @param name the name looked up, as given
 * @param provider the provider found, if any
 * @param providerWhy how it was found, in words ("" when none was)
 * @param model the model found, if any
 * @param modelWhy how it was found, in words ("" when none was)
 */
public record Lookup(String name, Optional<ProviderPrice> provider, String providerWhy, Optional<ModelPrice> model, String modelWhy) {

    public boolean found() {
        return model.isPresent();
    }

    /** Why nothing was found, in words; "" when something was. */
    public String whyNot() {
        if (model.isPresent()) {
            return "";
        }
        if (provider.isEmpty()) {
            return "no provider of the price data is named " + providerPart();
        }
        return "no model of " + provider.get().id() + " matches " + modelPart();
    }

    private String providerPart() {
        int colon = name.indexOf(':');
        return colon < 0 ? "in it, and none claims the model id" : "\"" + name.substring(0, colon) + "\"";
    }

    private String modelPart() {
        int colon = name.indexOf(':');
        return "\"" + (colon < 0 ? name : name.substring(colon + 1)) + "\"";
    }
}
