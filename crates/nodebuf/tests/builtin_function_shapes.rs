//! Every function every builtin module exports, and every Buffer static and method, has a
//! `prototype` exactly when Node's has one (function declarations do, methods, arrows and
//! natives do not): the same program lists them under `node` and under `nodebuf`, and each name
//! both list must agree. Functions nodebuf
//! lacks are not compared here (the README lists the missing APIs); the test insists that
//! most of them are present, so that it cannot pass by comparing nothing.

#[path = "../../nodebuf-core/tests/support/mod.rs"]
mod support;

use std::collections::BTreeMap;
use std::process::Command;
use std::time::Duration;

const NODEBUF: &str = env!("CARGO_BIN_EXE_nodebuf");

/// Lists `module.export prototype|no-prototype` for every exported non-class function.
const LISTER: &str = r#"
// (With the builtins only reachable through their `node:` scheme.)
const mods = [...require('module').builtinModules.filter((m) => !m.startsWith('_')), 'node:test', 'node:test/reporters'];
const out = [];
for (const m of mods) {
  let mod;
  try { mod = require(m); } catch { continue; }
  if (mod === null || (typeof mod !== 'object' && typeof mod !== 'function')) continue;
  for (const k of Object.keys(mod)) {
    let v;
    try { v = mod[k]; } catch { continue; }
    if (typeof v !== 'function' || /^class\b/.test(Function.prototype.toString.call(v))) continue;
    out.push(`${m}.${k} ${Object.hasOwn(v, 'prototype') ? 'prototype' : 'no-prototype'}`);
  }
}
// Buffer's statics and methods too (Node's plain functions have one; its `of` arrow and the
// C++ `{enc}Slice`/`{enc}Write` helpers do not).
for (const [label, obj] of [['Buffer', Buffer], ['Buffer.prototype', Buffer.prototype]]) {
  for (const k of Object.getOwnPropertyNames(obj)) {
    const d = Object.getOwnPropertyDescriptor(obj, k);
    if (typeof d.value !== 'function' || k === 'constructor') continue;
    out.push(`${label}.${k} ${Object.hasOwn(d.value, 'prototype') ? 'prototype' : 'no-prototype'}`);
  }
}
process.stdout.write(out.join('\n') + '\n');
"#;

fn shapes(program: &str) -> BTreeMap<String, String> {
    let out = support::output_within(
        Command::new(program)
            .args(["--no-warnings", "-e", LISTER])
            .env("NODEBUF_TEST", "1"),
        Duration::from_secs(120),
    );
    assert!(
        out.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.split_once(' '))
        .map(|(name, shape)| (name.to_owned(), shape.to_owned()))
        .collect()
}

#[test]
fn exported_functions_have_a_prototype_exactly_when_nodes_do() {
    let node = shapes("node");
    let ours = shapes(NODEBUF);
    let mut compared = 0;
    let mut differ = Vec::new();
    for (name, shape) in &ours {
        if let Some(expected) = node.get(name) {
            compared += 1;
            if expected != shape {
                differ.push(format!("{name}: node {expected}, nodebuf {shape}"));
            }
        }
    }
    assert!(
        compared >= 400,
        "only {compared} functions in common with node"
    );
    assert!(
        differ.is_empty(),
        "{} of {compared} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}
