/** The error taxonomy of seed 001 §9 and seed 002: categories, severities, the table of codes and their suggestions (docs/errors.md). */
package dev.sigil.contract.errors;
