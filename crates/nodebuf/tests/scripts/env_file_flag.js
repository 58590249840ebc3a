// flags: --env-file=../fixtures/env_file_basic.env --env-file ../fixtures/env_file_second.env
// --env-file: dotenv files read into process.env before the script (quotes, comments, export,
// multi-line values), a later file winning over an earlier one, a variable the environment
// already has kept, the flags kept in process.execArgv, and a worker seeing the variables.
'use strict';
for (const key of Object.keys(process.env).filter((k) => k.startsWith('NB_ENV_')).sort()) {
  console.log(key, JSON.stringify(process.env[key]));
}
console.log(process.env.HOME !== 'not used: the environment wins', process.execArgv);
// A worker starts from the main thread's environment (the files are not read again).
const { Worker } = require('worker_threads');
new Worker("console.log('worker', process.env.NB_ENV_SECOND, process.env.NB_ENV_OVERRIDDEN)", { eval: true });
