// `cluster`: the primary's side in the process that forks workers, the worker's side in a
// process forked by cluster.fork (it finds its id in NODE_UNIQUE_ID).
'use strict';

module.exports = 'NODE_UNIQUE_ID' in process.env ?
  require('internal/cluster/child') : require('internal/cluster/primary');
