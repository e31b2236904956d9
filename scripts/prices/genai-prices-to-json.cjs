#!/usr/bin/env node
// Converts the price data bundled in npm @pydantic/genai-prices (MIT, Pydantic) into the resource sigil ships:
// src/main/resources/dev/sigil/cost/genai-prices.json, plus the package's licence next to it. The output is committed;
// run this again after changing the pinned version in compat-tests/node/package.json (npm ci there first):
//
//   (cd compat-tests/node && npm ci) && node scripts/prices/genai-prices-to-json.cjs
//   node scripts/prices/genai-prices-to-json.cjs --check   # exit 1 if the committed files differ from the package's
//
// The package exports its providers (waitForUpdate() resolves to the bundled data before any update) but not its
// table of units (which usage key a price key prices, per how many, and the dimensions that order the keys); that
// table is read from the package's own module text and checked against what the exported code does with it.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const packageDir = path.join(root, 'compat-tests', 'node', 'node_modules', '@pydantic', 'genai-prices');
const outDir = path.join(root, 'src', 'main', 'resources', 'dev', 'sigil', 'cost');
const outData = path.join(outDir, 'genai-prices.json');
const outLicence = path.join(outDir, 'genai-prices.LICENSE');

// The npm registry's publication date of each version this script knows (npm view @pydantic/genai-prices time).
const PUBLISHED = { '0.1.8': '2026-09-23' };

function fail(message) {
  process.stderr.write('genai-prices-to-json: ' + message + '\n');
  process.exit(2);
}

function installed() {
  const manifest = path.join(packageDir, 'package.json');
  if (!fs.existsSync(manifest)) {
    fail('the package is not installed: run npm ci in compat-tests/node first');
  }
  const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  if (!PUBLISHED[pkg.version]) {
    fail('version ' + pkg.version + ' has no known publication date: add it to PUBLISHED (npm view @pydantic/genai-prices time)');
  }
  return pkg;
}

/** The module's top-level data: the providers (E) and the units (J), evaluated from its own text. */
function moduleData() {
  const src = fs.readFileSync(path.join(packageDir, 'dist', 'index.js'), 'utf8');
  const end = src.indexOf('\nclass Y {');
  if (!src.startsWith('const E = [') || end < 0 || src.slice(0, end).lastIndexOf('], J = {') < 0) {
    fail('dist/index.js does not have the layout this script reads (const E = [...], J = {...}; class Y): update the script');
  }
  return new Function(src.slice(0, end) + '\nreturn { providers: E, units: J };')();
}

function pick(object, keys) {
  const out = {};
  for (const k of keys) {
    if (object[k] !== undefined) {
      out[k] = object[k];
    }
  }
  return out;
}

function convert(pkg, providers, units) {
  return {
    source: {
      package: pkg.name,
      version: pkg.version,
      published: PUBLISHED[pkg.version],
      license: pkg.license,
      homepage: pkg.homepage,
      converted_by: 'scripts/prices/genai-prices-to-json.cjs',
    },
    units: Object.fromEntries(Object.entries(units).map(([key, u]) => [key, {
      price_key: u.price_key ?? key, per: u.per, dimensions: u.dimensions,
    }])),
    providers: providers.map((p) => ({
      ...pick(p, ['id', 'name', 'pricing_urls', 'provider_match', 'model_match', 'fallback_model_providers', 'price_comments']),
      models: p.models.map((m) => pick(m, ['id', 'name', 'match', 'prices', 'price_comments', 'deprecated'])),
    })),
  };
}

/** JSON with one unit and one model per line, so that a new version's diff reads model by model. */
function write(data) {
  const j = (v) => JSON.stringify(v);
  const lines = ['{', ' "source": ' + j(data.source) + ',', ' "units": {'];
  const units = Object.entries(data.units);
  units.forEach(([k, u], i) => lines.push('  ' + j(k) + ': ' + j(u) + (i + 1 < units.length ? ',' : '')));
  lines.push(' },', ' "providers": [');
  data.providers.forEach((p, i) => {
    const { models, ...head } = p;
    const headText = j(head);
    lines.push('  ' + headText.slice(0, -1) + ', "models": [');
    models.forEach((m, k) => lines.push('   ' + j(m) + (k + 1 < models.length ? ',' : '')));
    lines.push('  ]}' + (i + 1 < data.providers.length ? ',' : ''));
  });
  lines.push(' ]', '}');
  return lines.join('\n') + '\n';
}

async function main() {
  const pkg = installed();
  const api = require(packageDir);
  const exported = await api.waitForUpdate();
  const { providers, units } = moduleData();
  if (JSON.stringify(exported) !== JSON.stringify(providers)) {
    fail('the providers read from the module text differ from the ones the package exports: update the script');
  }
  for (const key of ['input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'cache_write_1h_tokens']) {
    if (!units[key] || units[key].per !== 1e6) {
      fail('the units table lacks ' + key + ' per million tokens: update the script');
    }
  }
  const data = write(convert(pkg, exported, units));
  const licence = fs.readFileSync(path.join(packageDir, 'LICENSE'), 'utf8');
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(outData) && fs.readFileSync(outData, 'utf8') === data
      && fs.existsSync(outLicence) && fs.readFileSync(outLicence, 'utf8') === licence;
    process.stdout.write(same ? 'up to date: ' + pkg.name + ' ' + pkg.version + '\n'
      : 'differs from ' + pkg.name + ' ' + pkg.version + ': run node scripts/prices/genai-prices-to-json.cjs\n');
    process.exit(same ? 0 : 1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(outData, data);
  fs.writeFileSync(outLicence, licence);
  process.stdout.write('wrote ' + path.relative(root, outData) + ' (' + pkg.name + ' ' + pkg.version + ', ' + exported.length
    + ' providers, ' + exported.reduce((n, p) => n + p.models.length, 0) + ' models)\n');
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
