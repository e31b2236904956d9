/**
 * Configuration: sigil's settings from {@code ~/.sigil/config.yaml}, environment variables and command-line flags
 * (flags win over the environment, the environment over the file, the file over the defaults), checked key by key
 * and gathered into one immutable {@link dev.sigil.config.SigilConfig} that remembers where each value came from.
 */
package dev.sigil.config;
