// Everyday Intl as scripts use it: sizes and counts with toLocaleString, money, percentages,
// compact counts, dates at fixed instants in fixed zones, sorting with localeCompare/Collator,
// plural-aware messages, lists, and the errors bad options give. Printed as Node prints them.
'use strict';
const util = require('util');

const sizes = [0, 1, 999, 1000, 1023, 1024, 1536, 1048576, 123456789, 9007199254740991, 0.5, -42.125];
for (const n of sizes) {
  console.log(n.toLocaleString(), n.toLocaleString('en-US', { maximumFractionDigits: 1 }),
    n.toLocaleString('de-DE'), n.toLocaleString('fr'), n.toLocaleString('en-IN'));
}
console.log((123456789n).toLocaleString(), (-5n).toLocaleString('de'), (2n ** 70n).toLocaleString('en'));

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const euros = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const yen = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });
for (const v of [0, 1, 1234.5, -99.999, 1e9]) console.log(money.format(v), euros.format(v), yen.format(v));
console.log(money.formatToParts(-1234.56));

const pct = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
console.log([0, 0.05, 0.256, 1, 12.3456].map((x) => pct.format(x)).join(' | '));
const compact = new Intl.NumberFormat('en', { notation: 'compact' });
const compactLong = new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long' });
for (const v of [999, 1000, 1234, 15500, 999999, 1234567, 2.5e9]) console.log(compact.format(v), compactLong.format(v));
console.log(new Intl.NumberFormat('en', { notation: 'scientific' }).format(123456),
  new Intl.NumberFormat('en', { notation: 'engineering' }).format(0.000123));
console.log(new Intl.NumberFormat().resolvedOptions());

const instants = [0, 86400000 * 365.25 * 30, 1700000000000, Date.UTC(2024, 1, 29, 23, 59, 59, 999)];
for (const t of instants) {
  const d = new Date(t);
  console.log(d.toLocaleString('en-US', { timeZone: 'UTC' }), '|', d.toLocaleDateString('en-GB', { timeZone: 'UTC' }),
    '|', d.toLocaleTimeString('en-US', { timeZone: 'America/New_York' }));
  console.log(new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'long', timeZone: 'Asia/Tokyo' }).format(d));
  console.log(d.toLocaleDateString('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }));
  console.log(d.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }),
    d.toLocaleTimeString('en-US', { hour12: false, timeZone: 'UTC' }));
}
console.log(new Intl.DateTimeFormat('en', { timeZone: 'UTC' }).formatToParts(0));
console.log(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'america/los_angeles' }).resolvedOptions());
console.log(new Date(NaN).toLocaleString(), new Date(0).toLocaleString('de', { timeZone: 'UTC', dateStyle: 'long' }));

const words = ['résumé', 'resume', 'Resume', 'apple', 'Äpfel', 'zebra', 'item10', 'item9', 'Item2'];
console.log(words.slice().sort((a, b) => a.localeCompare(b)));
console.log(words.slice().sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare));
console.log(words.slice().sort(new Intl.Collator('de').compare), 'a'.localeCompare('A', 'en', { sensitivity: 'base' }));

const plural = new Intl.PluralRules('en-US');
const ordinal = new Intl.PluralRules('en-US', { type: 'ordinal' });
const suffixes = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
for (const n of [0, 1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 1.5]) {
  console.log(`${n} file${plural.select(n) === 'one' ? '' : 's'}, ${n}${suffixes[ordinal.select(n)]}`);
}
console.log(new Intl.ListFormat('en', { type: 'conjunction' }).format(['a', 'b', 'c']),
  new Intl.ListFormat('en', { type: 'disjunction' }).format(['a', 'b']),
  new Intl.ListFormat('de').format(['x', 'y', 'z']));
console.log('TITLE'.toLocaleLowerCase('tr'), 'istanbul'.toLocaleUpperCase('tr'), 'straße'.toLocaleUpperCase());

console.log(util.inspect(new Intl.NumberFormat()), util.inspect(Intl), Object.prototype.toString.call(Intl));
console.log(typeof Intl, Intl.getCanonicalLocales(['EN-us', 'zh-hant-tw']), Intl.NumberFormat.supportedLocalesOf(['xx', 'de-AT', 'fr']));
for (const bad of [
  () => new Intl.NumberFormat('en', { style: 'currency' }),
  () => new Intl.NumberFormat('en', { maximumFractionDigits: 101 }),
  () => new Intl.NumberFormat('not a locale!'),
  () => new Intl.DateTimeFormat('en', { timeZone: 'Nowhere/Special' }),
  () => new Intl.DateTimeFormat('en', { dateStyle: 'full', hour: 'numeric' }),
  () => (1).toLocaleString('en', { style: 'bogus' }),
  () => new Date(0).toLocaleDateString('en', { timeStyle: 'short' }),
  () => Intl.PluralRules(),
]) {
  try { bad(); console.log('no error'); } catch (e) { console.log(`${e.name}: ${e.message}`); }
}
