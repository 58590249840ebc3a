// The JUnit XML reporter: suites (tests with subtests) as <testsuite>, the rest as <testcase>
// with their <skipped>/<failure>, diagnostics as comments, all printed when the run ends.
'use strict';

const { inspect } = require('internal/inspect');

const inspectOptions = { colors: false, breakLength: Infinity };

function escapeContent(s = '') {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function escapeAttribute(s = '') {
  return escapeContent(s.replace(/\n/g, '').replace(/"/g, '&quot;'));
}

function escapeComment(s = '') {
  return s.replace(/--/g, '&#45;&#45;');
}

function plainInspect(value) {
  try {
    return inspect(value, inspectOptions);
  } catch {
    return inspect(value, { ...inspectOptions, customInspect: false });
  }
}

function toXML(node) {
  if (typeof node === 'string') return `${escapeContent(node)}\n`;
  const { tag, attrs, nesting, children, comment } = node;
  const pad = '\t'.repeat(nesting + 1);
  if (comment) return `${pad}<!-- ${escapeComment(comment)} -->\n`;
  const attributes = Object.entries(attrs).map(([key, value]) => `${key}="${escapeAttribute(String(value))}"`).join(' ');
  if (!children?.length) return `${pad}<${tag} ${attributes}/>\n`;
  return `${pad}<${tag} ${attributes}>\n${children.map(toXML).join('')}${pad}</${tag}>\n`;
}

function isFailure(node) {
  return node?.children?.some((c) => c.tag === 'failure') || node?.attrs?.failures;
}

function isSkipped(node) {
  return node?.children?.some((c) => c.tag === 'skipped') || node?.attrs?.skipped;
}

module.exports = async function* junitReporter(source) {
  const hostname = require('os').hostname();
  yield '<?xml version="1.0" encoding="utf-8"?>\n';
  yield '<testsuites>\n';
  let current = null;
  const roots = [];

  function open(data) {
    const node = { __proto__: null, attrs: { __proto__: null, name: data.name }, nesting: data.nesting, parent: current, children: [] };
    if (current?.children) current.children.push(node);
    if (!node.parent) roots.push(node);
    current = node;
  }

  for await (const event of source) {
    const { type, data } = event;
    if (type === 'test:start') {
      open(data);
    } else if (type === 'test:pass' || type === 'test:fail') {
      if (!current) open({ name: 'root', nesting: 0 });
      if (current.attrs.name !== data.name || current.nesting !== data.nesting) open(data);
      const node = current;
      if (current?.nesting === data.nesting) current = current.parent;
      node.attrs.time = (data.details.duration_ms / 1000).toFixed(6);
      const tests = node.children.filter((c) => c.comment == null);
      if (tests.length > 0) {
        node.tag = 'testsuite';
        node.attrs.disabled = 0;
        node.attrs.errors = 0;
        node.attrs.tests = tests.length;
        node.attrs.failures = node.children.filter(isFailure).length;
        node.attrs.skipped = node.children.filter(isSkipped).length;
        node.attrs.hostname = hostname;
      } else {
        node.tag = 'testcase';
        node.attrs.classname = data.classname ?? 'test';
        if (data.skip) {
          node.children.push({ __proto__: null, nesting: data.nesting + 1, tag: 'skipped', attrs: { __proto__: null, type: 'skipped', message: data.skip } });
        }
        if (data.todo) {
          node.children.push({ __proto__: null, nesting: data.nesting + 1, tag: 'skipped', attrs: { __proto__: null, type: 'todo', message: data.todo } });
        }
        if (type === 'test:fail') {
          const error = data.details?.error;
          node.children.push({
            __proto__: null,
            nesting: data.nesting + 1,
            tag: 'failure',
            attrs: { __proto__: null, type: error?.failureType || error?.code, message: error?.message ?? '' },
            children: [plainInspect(error)],
          });
          node.failures = 1;
          node.attrs.failure = error?.message ?? '';
        }
      }
    } else if (type === 'test:diagnostic') {
      (current?.children ?? roots).push({ __proto__: null, nesting: data.nesting, comment: data.message });
    }
  }
  for (const suite of roots) yield toXML(suite);
  yield '</testsuites>\n';
};
