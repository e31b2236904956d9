#!/usr/bin/env node
// Peer of `sigil tokens`: @dqbd/tiktoken (tiktoken's Rust core in WebAssembly) counting a whole file's text.
'use strict';
const fs = require('node:fs');
const { get_encoding } = require('@dqbd/tiktoken');
const enc = get_encoding('cl100k_base');
console.log(enc.encode_ordinary(fs.readFileSync(process.argv[2], 'utf8')).length);
enc.free();
