// `cluster`: the primary's side in the process that forks workers, the worker's side in a
// process forked by cluster.fork (it finds its id in NODE_UNIQUE_ID: a variable of the
// environment itself, not something on process.env's prototype).
'use strict';

module.exports = Object.hasOwn(process.env, 'NODE_UNIQUE_ID') ?
  require('internal/cluster/child') : require('internal/cluster/primary');
