#!/usr/bin/env node
// Peer of `sigil validate`: ajv 8, one compiled validator, every line; prints the verdict counts.
'use strict';
const fs = require('node:fs');
const Ajv = require('ajv');

const [schemaPath, file] = process.argv.slice(2);
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
delete schema.$schema; // ajv 8 knows draft-07 without fetching the meta-schema
const validate = new Ajv({ strict: false, allErrors: false }).compile(schema);
const data = fs.readFileSync(file);
let valid = 0, invalid = 0, number = 0, start = 0;
const bad = [];
while (start < data.length) {
  let nl = data.indexOf(10, start);
  if (nl < 0) nl = data.length;
  number++;
  const line = data.toString('utf8', start, nl);
  start = nl + 1;
  if (line.trim() === '') continue;
  let ok;
  try { ok = validate(JSON.parse(line)); } catch (e) { ok = false; }
  if (ok) valid++; else { invalid++; if (bad.length < 20) bad.push(number); }
}
console.log(`valid ${valid} invalid ${invalid} first-invalid [${bad.join(', ')}]`);
