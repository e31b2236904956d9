/** Checking JSON values against a contract schema (networknt json-schema-validator), with JSON-pointer results. */
package dev.sigil.contract.validation;
