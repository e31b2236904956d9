/** Pipeline definitions: the built-in pipeline and pipeline files (YAML/JSON, checked against contract/pipeline.schema.json). */
package dev.sigil.orchestrate.pipeline;
