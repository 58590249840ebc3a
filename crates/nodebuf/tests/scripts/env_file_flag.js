// flags: --env-file=../fixtures/env_file_basic.env --env-file ../fixtures/env_file_second.env
// --env-file: dotenv files read into process.env before the script (quotes, comments, export,
// multi-line values), a later file winning over an earlier one, a variable the environment
// already has kept, and the flags kept in process.execArgv.
'use strict';
for (const key of Object.keys(process.env).filter((k) => k.startsWith('NB_ENV_')).sort()) {
  console.log(key, JSON.stringify(process.env[key]));
}
console.log(process.env.HOME !== 'not used: the environment wins', process.execArgv);
