#!/usr/bin/env node
// Reference side of sigil's price compat test: @pydantic/genai-prices' own calcPrice on its own bundled data.
//
// Long-running: reads one JSON request per line on stdin,
//   {"provider": "anthropic", "model": "claude-opus-4-5", "usage": {"input_tokens": 1000, ...}, "timestamp": ISO-8601}
// ("provider" may be null: the package then finds the provider by the model id), and answers each on its own line with
//   {"provider": ID, "model": ID, "input": N, "output": N, "total": N}   the prices as the package computes them,
//   {"unpriced": true}                                                  when it finds no price (it returns null),
//   {"error": "..."}                                                    when it throws.
// A request {"regex": SOURCE, "text": TEXT} is answered with {"match": new RegExp(SOURCE).test(TEXT)}: how
// JavaScript reads the data's regular expressions, which sigil runs in Java.
// The first line it writes is {"ready": true, "genai_prices": VERSION}.
'use strict';

const readline = require('node:readline');
const fs = require('node:fs');
const path = require('node:path');
const { calcPrice } = require('@pydantic/genai-prices');

const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', '@pydantic', 'genai-prices', 'package.json'), 'utf8'));

function answer(line) {
  try {
    const r = JSON.parse(line);
    if (r.regex !== undefined) {
      return { match: new RegExp(r.regex).test(r.text) };
    }
    const options = { timestamp: new Date(r.timestamp) };
    if (r.provider !== null) {
      options.providerId = r.provider;
    }
    const price = calcPrice(r.usage, r.model, options);
    if (price === null) {
      return { unpriced: true };
    }
    return { provider: price.provider.id, model: price.model.id, input: price.input_price, output: price.output_price, total: price.total_price };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
}

process.stdout.write(JSON.stringify({ ready: true, genai_prices: version }) + '\n');
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
input.on('line', (line) => {
  if (line.trim() !== '') {
    process.stdout.write(JSON.stringify(answer(line)) + '\n');
  }
});
