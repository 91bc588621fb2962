#!/usr/bin/env node
// Generates libs/extraction/data/actors/countries.generated.json from i18n-iso-countries and CLDR (the base
// state names in many languages) and world-countries (English and French demonyms). Hand-curated aliases
// live in states.overlay.json.
// usage: node scripts/generate-actor-registry.mjs
/* global console, process */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries');
const { version } = require('i18n-iso-countries/package.json');
// world-countries (mledoze/countries) has each state's demonyms in English and French, masculine and feminine.
const worldCountries = require('world-countries');
const { version: worldVersion } = require('world-countries/package.json');

const LANGUAGES = [
  'en',
  'id',
  'ms',
  'ru',
  'uk',
  'fr',
  'es',
  'pt',
  'it',
  'de',
  'nl',
  'pl',
  'tr',
  'ar',
  'fa',
  'he',
  'ko',
  'ja',
  'zh',
  'el',
];

// ISO 3166-1 codes that are not UN member states: dependencies, territories, Antarctica.
const NOT_STATES = new Set(
  'AS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT'.split(
    ' ',
  ),
);
// Observer states and disputed entities the contract wants as states, with their status.
const SPECIAL = { PS: 'observer', VA: 'observer', TW: 'disputed', XK: 'disputed' };
// The contract's id for Kosovo is the user-assigned XKX (the library uses XKK).
const ALPHA3_OVERRIDE = { XK: 'XKX' };

for (const lang of LANGUAGES) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Splits library names into usable aliases: "КНДР (Корейская ...)" gives both; "Korea, Republic of" is dropped. */
function aliasesOf(name) {
  const out = [];
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  const parts = paren ? [paren[1], paren[2]] : [name];
  for (const p of parts) {
    const t = p.trim();
    if (t && !t.includes(',')) out.push(t);
  }
  return out;
}

const alpha2s = Object.keys(countries.getAlpha2Codes()).filter((a2) => !NOT_STATES.has(a2) || SPECIAL[a2]);
// Unicode CLDR's region names (Node's built-in ICU) join the library's: they are the forms news in each language
// uses where the library has an older or rarer one (Korean 폴란드 beside 폴랜드, 러시아 beside 러시아연방).
const cldrName = (lang, a2) => {
  const n = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(a2);
  return n && n !== a2 ? n : null;
};
const perLang = Object.fromEntries(
  LANGUAGES.map((l) => {
    const names = countries.getNames(l, { select: 'all' });
    const merged = {};
    for (const a2 of alpha2s) {
      const list = [...(names[a2] ?? [])];
      const cldr = cldrName(l, a2);
      if (cldr && !list.some((n) => n.toLowerCase() === cldr.toLowerCase())) list.push(cldr);
      if (list.length) merged[a2] = list;
    }
    return [l, merged];
  }),
);

// A name that two states share in one language ("Congo") is ambiguous: drop it here, the overlay decides.
const owners = new Map();
for (const lang of LANGUAGES)
  for (const a2 of alpha2s)
    for (const n of (perLang[lang][a2] ?? []).flatMap(aliasesOf)) {
      const key = `${lang}|${n.toLowerCase()}`;
      owners.set(key, (owners.get(key) ?? new Set()).add(a2));
    }

// Demonyms, with their plurals ("Guatemalan", "Guatemalans"; "guatémaltèque", "guatémaltèques"). French
// ones are adjectives after the noun, so lower case ("soldats béninois"). A form two states share
// ("Congolese", "guinéen") is dropped, like the ambiguous names: the overlay decides.
const pluralEn = (w) => (/(?:s|sh|ch|x|z|ese|i|y|a|u|o)$/u.test(w) ? [w] : [w, `${w}s`]);
const pluralFr = (w) => (/[sx]$/u.test(w) ? [w] : [w, `${w}s`]);
const demonymsOf = new Map(
  worldCountries.map((c) => {
    // "Antiguan, Barbudan", "Kittitian or Nevisian": each is a demonym of its own.
    const split = (w) => w.split(/\s*,\s*|\s+or\s+/u).filter(Boolean);
    const en = [
      ...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(Boolean).flatMap(split).flatMap(pluralEn)),
    ];
    const fr = [
      ...new Set(
        [c.demonyms?.fra?.m, c.demonyms?.fra?.f]
          .filter(Boolean)
          .flatMap(split)
          .flatMap((w) => pluralFr(w.toLowerCase())),
      ),
    ];
    return [c.cca2, { en, fr }];
  }),
);
const demonymOwners = new Map();
for (const a2 of alpha2s)
  for (const [lang, forms] of Object.entries(demonymsOf.get(a2) ?? {}))
    for (const f of forms) {
      const key = `${lang}|${f.toLowerCase()}`;
      demonymOwners.set(key, (demonymOwners.get(key) ?? new Set()).add(a2));
    }

const dropped = [];
const states = alpha2s
  .map((a2) => {
    const names = {};
    for (const lang of LANGUAGES) {
      const list = [];
      for (const n of (perLang[lang][a2] ?? []).flatMap(aliasesOf)) {
        if (owners.get(`${lang}|${n.toLowerCase()}`).size > 1) {
          dropped.push(`${lang}:${n}`);
          continue;
        }
        if (!list.includes(n)) list.push(n);
      }
      if (list.length) names[lang] = list;
    }
    const demonyms = {};
    for (const [lang, forms] of Object.entries(demonymsOf.get(a2) ?? {})) {
      const own = forms.filter((f) => {
        const shared = demonymOwners.get(`${lang}|${f.toLowerCase()}`).size > 1;
        if (shared) dropped.push(`${lang}:${f}`);
        return !shared;
      });
      if (own.length) demonyms[lang] = own;
    }
    const id = ALPHA3_OVERRIDE[a2] ?? countries.alpha2ToAlpha3(a2);
    return { id, alpha2: a2, status: SPECIAL[a2] ?? 'un-member', names, demonyms };
  })
  .sort((a, b) => a.id.localeCompare(b.id));

const members = states.filter((s) => s.status === 'un-member').length;
if (members !== 193) throw new Error(`expected 193 UN member states, got ${members}`);

const out = {
  _generated:
    'GENERATED by scripts/generate-actor-registry.mjs from i18n-iso-countries, Unicode CLDR (Node ICU) and world-countries (demonyms); do not edit, add aliases in states.overlay.json',
  source: `i18n-iso-countries@${version}, CLDR ${process.versions.cldr} (ICU ${process.versions.icu}), world-countries@${worldVersion}`,
  languages: LANGUAGES,
  droppedAmbiguous: [...new Set(dropped)].sort(),
  states,
};
const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'libs', 'extraction', 'data', 'actors', 'countries.generated.json');
// One state per line keeps the file reviewable in diffs.
const body = [
  '{',
  `  "_generated": ${JSON.stringify(out._generated)},`,
  `  "source": ${JSON.stringify(out.source)},`,
  `  "languages": ${JSON.stringify(out.languages)},`,
  `  "droppedAmbiguous": ${JSON.stringify(out.droppedAmbiguous)},`,
  '  "states": [',
  states.map((s) => `    ${JSON.stringify(s)}`).join(',\n'),
  '  ]',
  '}',
  '',
].join('\n');
writeFileSync(target, body);
console.log(
  `wrote ${states.length} states (${members} UN members) to ${target}; dropped ${out.droppedAmbiguous.length} ambiguous names`,
);
