// Date's toString and toTimeString end with the local zone's long name in parentheses, as V8's
// ("GMT+0200 (Central European Summer Time)"), in summer and winter, for the zones below (each
// run in a child with that TZ); `Date()` called as a function too; toDateString, toUTCString
// and invalid dates unchanged. (Dates from 2000 on: for older ones ICU's own zone history and
// ICU4X's naming of the C library's offset can differ, e.g. London in 1970.)
'use strict';
const { spawnSync } = require('child_process');

const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Etc/GMT+5',
  'America/Sao_Paulo', 'Asia/Tokyo', 'Pacific/Chatham', 'Europe/London', 'America/Los_Angeles', 'Africa/Cairo'];
const code = `
  const dates = [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2018, 6, 1, 12)),
    new Date(Date.UTC(2024, 11, 24, 23, 59, 59)), new Date(Date.UTC(2037, 5, 15, 6)), new Date(NaN)];
  for (const d of dates) console.log([d.toString(), d.toTimeString(), d.toDateString(), d.toUTCString(), String(d), \`\${d}\`].join(' | '));
  console.log(typeof Date(), / GMT[+-]\\d{4} \\(.+\\)$/.test(Date()));
`;
for (const zone of zones) {
  const r = spawnSync(process.execPath, ['-e', code], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
  console.log(`== ${zone}\n${r.stdout}${r.stderr}`);
}
