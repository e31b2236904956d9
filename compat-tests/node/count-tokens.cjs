#!/usr/bin/env node
// Reference side of sigil's token-count compat test: tiktoken's own Rust core, compiled to WebAssembly.
//
// Long-running: reads one JSON request per line on stdin, {"encoding": "cl100k_base", "text": "..."}, and answers
// each on its own line on stdout with {"tokens": [ids...]} (special tokens such as <|endoftext|> are encoded as
// ordinary text, like tiktoken's encode_ordinary), or {"error": "..."} for a request it cannot serve. The first line
// it writes is {"ready": true, "tiktoken": VERSION}, so the caller knows which version answered.
'use strict';

const readline = require('node:readline');
const { get_encoding } = require('@dqbd/tiktoken');
const fs = require('node:fs');
const path = require('node:path');

// The package does not export its package.json; read the installed one to report the version that answered.
const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', '@dqbd', 'tiktoken', 'package.json'), 'utf8'));

const encodings = new Map();

function encodingNamed(name) {
  let enc = encodings.get(name);
  if (enc === undefined) {
    enc = get_encoding(name);
    encodings.set(name, enc);
  }
  return enc;
}

function answer(line) {
  try {
    const request = JSON.parse(line);
    const ids = encodingNamed(request.encoding).encode_ordinary(request.text);
    return { tokens: Array.from(ids) };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
}

process.stdout.write(JSON.stringify({ ready: true, tiktoken: version }) + '\n');
const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
input.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  process.stdout.write(JSON.stringify(answer(line)) + '\n');
});
input.on('close', () => {
  for (const enc of encodings.values()) {
    enc.free();
  }
});
