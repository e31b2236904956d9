/** The contract: where the schemas are, how lines are encoded ({@code codec}) and checked ({@code validation}). */
package dev.sigil.contract;
