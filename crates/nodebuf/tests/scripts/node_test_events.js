// flags: --test-reporter=../fixtures/node_test/events_reporter.js
// node:test run in-process (no --test): the events a custom reporter gets, with Node's data
// shapes (test:enqueue/dequeue/start/pass/fail/plan/diagnostic/complete), in Node's order.
'use strict';
require('../fixtures/node_test/cases.js');
