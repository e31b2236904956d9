/**
 * What a model call costs: the price data of {@code @pydantic/genai-prices} (a dated snapshot in the jar) with the
 * user's overrides, matched to a {@code provider:model-id} and priced as that package's {@code calcPrice} does, in
 * decimal arithmetic (docs/cost.md, ADR 0070). Pure: bytes in, values out; no files, no clock.
 */
package dev.sigil.cost;
