#!/usr/bin/env python3
"""Run Node's own buffer tests against a JavaScript runtime.

Node's test files are never stored in this repository: they are extracted at
run time from a git mirror of denoland/node_test (Node v20.11.1's tests) into
a temporary directory laid out as test/parallel + test/common, with our own
stand-in for test/common copied in. See conformance/README.md.
"""

import argparse
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MIRROR = '/work/.mirror/denoland+node_test/repo'
DEFAULT_COMMIT = 'be779569'
# The suites this harness knows: name -> the test-file name prefixes it runs. `buffer` is the
# default; `modules` is the set for the modules Buffer code lives with (streams, zlib, crypto
# hashing/random, ECDH.convertKey, querystring, string_decoder, url, readline, async_hooks, v8
# serialization, child_process fork/IPC); `tls` is Node's tls, https and X.509 tests; `events`
# is EventEmitter, EventTarget, AbortController and AbortSignal; `timers` is timers and
# timers/promises; `util` is parseArgs, MIME types, punycode, diagnostics_channel, dotenv
# and cloneable abort signals (run v20.12+ files such as test-util-styletext.js with
# NODE_TEST_COMMIT set to a later tree).
# timers/promises; `runtime` is process, os, perf_hooks' histograms, vm.compileFunction,
# module and assert.CallTracker.
SUITES = {
    'buffer': ('buffer',),
    'modules': ('stream', 'zlib', 'crypto-hash', 'crypto-hmac', 'crypto-random', 'crypto-ecdh-convert-key',
                'querystring', 'string-decoder', 'url', 'whatwg-url', 'readline',
                'async-local-storage', 'asyncresource', 'async-hooks', 'v8-serdes',
                'v8-deserialize', 'child-process-fork', 'child-process-ipc',
                'child-process-send', 'child-process-advanced', 'child-process-disconnect'),
    'tls': ('tls', 'https', 'x509'),
    'events': ('event-emitter', 'events', 'eventtarget', 'event-target', 'abortcontroller',
               'abortsignal'),
    'timers': ('timers',),
    'util': ('parse-args', 'mime', 'punycode', 'diagnostics-channel', 'dotenv', 'util-parse-env',
             'util-styletext', 'process-load-env-file', 'abortsignal-cloneable'),
    'runtime': ('process', 'os', 'perf-hooks-histogram', 'vm-compile-function', 'module-',
                'assert-calltracker'),
}
SUITE = 'buffer'


def suite_glob(directory):
    prefixes = '|'.join(re.escape(p) for p in SUITES[SUITE])
    # (Only the util suite takes `.mjs` files: test-parse-args.mjs; the other suites' counts
    # are of `.js` files.)
    extension = r'\.m?js' if SUITE == 'util' else r'\.js'
    return re.compile(rf'^test/{directory}/test-(?:{prefixes})[^/]*{extension}$')


FLAGS_LINE = re.compile(r'^//\s*Flags:(.*)$', re.MULTILINE)
SKIP_LINE = re.compile(r'^1\.\.0 # Skipped:(.*)$', re.MULTILINE)
PART_SKIP_LINE = re.compile(r'^# Skipped part:(.*)$', re.MULTILINE)
ERROR_LINE = re.compile(
    r'^(?:Uncaught )?(?:[A-Za-z_$][\w$]*(?:Error|Exception)\b|Error\b|Mismatched |'
    r'Unexpected global|Expected warning)')


def git(mirror, *args):
    return subprocess.run(['git', '-C', mirror, *args], check=True,
                          stdout=subprocess.PIPE).stdout


def list_tests(mirror, commit, sequential):
    names = git(mirror, 'ls-tree', '-r', '--name-only', commit, 'test/').decode().split('\n')
    parallel, serial = suite_glob('parallel'), suite_glob('sequential')
    wanted = [n for n in names if parallel.match(n) or (sequential and serial.match(n))]
    return sorted(wanted)


def extract(mirror, commit, paths, dest):
    """Writes the chosen test files plus our common stand-in under dest."""
    for path in paths:
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, 'wb') as out:
            out.write(git(mirror, 'show', f'{commit}:{path}'))
    shutil.copytree(os.path.join(HERE, 'common'), os.path.join(dest, 'test', 'common'))
    if SUITE != 'buffer':
        # Module tests read test/fixtures (keys, compressed samples, texts): write it out whole,
        # through one `git cat-file --batch` (the mirror may lack its largest blobs: skipped).
        extract_tree(mirror, commit, 'test/fixtures', dest)


def extract_tree(mirror, commit, tree, dest):
    listing = git(mirror, 'ls-tree', '-r', '-z', commit, tree).decode().split('\0')
    entries = []
    for row in listing:
        if not row:
            continue
        meta, path = row.split('\t', 1)
        mode, kind, oid = meta.split()
        if kind == 'blob' and mode != '120000':
            entries.append((oid, path))
    batch = subprocess.run(['git', '-C', mirror, 'cat-file', '--batch'],
                           input=''.join(oid + '\n' for oid, _ in entries).encode(),
                           stdout=subprocess.PIPE, check=True).stdout
    at = 0
    for oid, path in entries:
        end = batch.index(b'\n', at)
        header = batch[at:end].split()
        at = end + 1
        if header[-1] == b'missing':
            continue
        size = int(header[2])
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, 'wb') as out:
            out.write(batch[at:at + size])
        at += size + 1


IGNORE_FLAGS = False


def test_flags(source):
    """The runtime flags named by `// Flags:` header lines, in order."""
    flags = []
    if IGNORE_FLAGS:
        return flags
    for match in FLAGS_LINE.finditer(source):
        flags.extend(shlex.split(match.group(1)))
    return flags


def first_error_line(stdout, stderr, name):
    """The first error line of a failed run, with the value line that follows
    an assertion's trailing ':' and the first line of the test named in it."""
    lines = [line.strip() for line in stderr.splitlines()]
    site = re.search(re.escape(name) + r':(\d+)', stderr)
    where = f' @{name}:{site.group(1)}' if site else ''
    for i, line in enumerate(lines):
        if ERROR_LINE.match(line):
            if line.endswith(':'):
                following = next((l for l in lines[i + 1:]
                                  if l and l != '+ actual - expected'), '')
                line = f'{line} {following[:120]}'
            return line + where
    for line in lines:
        if line.strip():
            return line.strip()
    for line in stdout.splitlines():
        if line.strip():
            return line.strip()
    return ''


def run_group(cmd, cwd, timeout, capture=True):
    """Runs cmd in its own process group (killed whole on timeout, so that
    children a test spawned cannot hold our pipes open); returns
    (returncode, stdout, stderr) or raises subprocess.TimeoutExpired."""
    pipe = subprocess.PIPE if capture else None
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=pipe, stderr=pipe,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except (subprocess.TimeoutExpired, KeyboardInterrupt):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.communicate()
        raise
    return proc.returncode, out or b'', err or b''


def command_for(runtime, flags, path):
    return [*shlex.split(runtime), *flags, path]


def run_one(runtime, root, path, timeout):
    """Runs one test; returns (status, detail, seconds)."""
    with open(os.path.join(root, path), encoding='utf-8') as src:
        flags = test_flags(src.read())
    cmd = command_for(runtime, flags, os.path.join(root, path))
    started = time.monotonic()
    try:
        returncode, out, err = run_group(cmd, root, timeout)
    except subprocess.TimeoutExpired:
        return 'FAIL', f'timeout after {timeout}s', time.monotonic() - started
    except OSError as err:
        return 'FAIL', f'cannot start runtime: {err}', time.monotonic() - started
    seconds = time.monotonic() - started
    stdout = out.decode('utf-8', 'replace')
    stderr = err.decode('utf-8', 'replace')
    if returncode == 0:
        skip = SKIP_LINE.search(stdout)
        if skip:
            return 'SKIP', skip.group(1).strip(), seconds
        parts = [m.strip() for m in PART_SKIP_LINE.findall(stdout)]
        return 'PASS', f"partly skipped: {'; '.join(parts)}" if parts else '', seconds
    if returncode < 0:
        how = f'killed by signal {-returncode}'
    else:
        how = f'exit {returncode}'
    detail = first_error_line(stdout, stderr, os.path.basename(path))
    detail = detail.replace(root + os.sep, '')
    return 'FAIL', f'{detail} [{how}]' if detail else how, seconds


def run_verbose(runtime, root, path, timeout):
    with open(os.path.join(root, path), encoding='utf-8') as src:
        flags = test_flags(src.read())
    cmd = command_for(runtime, flags, os.path.join(root, path))
    print('$ (cd %s && %s)' % (shlex.quote(root), ' '.join(shlex.quote(c) for c in cmd)),
          flush=True)
    try:
        returncode, _, _ = run_group(cmd, root, timeout, capture=False)
    except subprocess.TimeoutExpired:
        print(f'--> FAIL: timeout after {timeout}s')
        return False
    print(f'--> exit code {returncode}')
    return returncode == 0


EXPECT_LINE = re.compile(r'^//\s*Expect:\s*(pass|fail|skip)\s*(?:/(.*)/)?\s*$', re.MULTILINE)


def run_selftest(runtime, timeout):
    """Checks the common stand-in (and the runtime's process/assert/warning
    plumbing) against conformance/selftest/*.js, whose `// Expect:` header
    gives the outcome: pass, skip, or fail with a regex the output must match."""
    root = tempfile.mkdtemp(prefix='nodebuf-conformance-selftest-')
    failures = 0
    try:
        shutil.copytree(os.path.join(HERE, 'common'), os.path.join(root, 'test', 'common'))
        shutil.copytree(os.path.join(HERE, 'selftest'), os.path.join(root, 'test', 'selftest'))
        names = sorted(n for n in os.listdir(os.path.join(root, 'test', 'selftest'))
                       if n.endswith('.js'))
        for name in names:
            path = os.path.join(root, 'test', 'selftest', name)
            with open(path, encoding='utf-8') as src:
                expect = EXPECT_LINE.search(src.read())
            want, pattern = expect.group(1), expect.group(2)
            cmd = [*shlex.split(runtime), path]
            try:
                returncode, raw_out, raw_err = run_group(cmd, root, timeout)
            except subprocess.TimeoutExpired:
                print(f'FAIL {name} (timeout)')
                failures += 1
                continue
            stdout = raw_out.decode('utf-8', 'replace')
            stderr = raw_err.decode('utf-8', 'replace')
            out = stdout + stderr
            if returncode == 0:
                got = 'skip' if SKIP_LINE.search(out) else 'pass'
            else:
                got = 'fail'
            ok = got == want and (pattern is None or re.search(pattern, out))
            if ok:
                print(f'ok   {name} ({want})')
            else:
                failures += 1
                tail = first_error_line(stdout, stderr, name)
                print(f'FAIL {name} (wanted {want}{" /" + pattern + "/" if pattern else ""}, '
                      f'got {got}, exit {returncode}: {tail})')
        print(f'{len(names) - failures} ok, {failures} failed')
        return 1 if failures else 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def select(paths, patterns):
    if not patterns:
        return paths
    chosen = []
    for pattern in patterns:
        stem = os.path.basename(pattern)
        if stem.endswith('.js'):
            stem = stem[:-3]
        prefix = 'test-' + SUITES[SUITE][0] + '-'
        full = stem if stem.startswith('test-') else prefix + stem
        hits = [p for p in paths if os.path.basename(p)[:-3] == full]
        if not hits:
            hits = [p for p in paths if stem in os.path.basename(p)]
        if not hits:
            sys.exit(f'run.py: no test matches {pattern!r}')
        chosen.extend(h for h in hits if h not in chosen)
    return chosen


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    ap = argparse.ArgumentParser(
        description='Run Node v20.11.1 test-buffer-*.js files against RUNTIME '
                    '(environment variable; default "node").')
    ap.add_argument('tests', nargs='*',
                    help='test names (e.g. alloc, test-buffer-fill.js); default: all')
    ap.add_argument('-v', '--verbose', action='store_true',
                    help='show each named test\'s command and full output')
    ap.add_argument('--strict', action='store_true', help='exit 1 if any test fails')
    ap.add_argument('--timeout', type=float, default=float(os.environ.get('TIMEOUT', 120)),
                    help='seconds per test (default 120, or $TIMEOUT)')
    ap.add_argument('-j', '--jobs', type=int, default=1, help='tests run at once (default 1)')
    ap.add_argument('--sequential', action='store_true',
                    help='also run test/sequential/test-buffer-*.js')
    ap.add_argument('--list', action='store_true', help='list tests and their flags, run nothing')
    ap.add_argument('--suite', choices=sorted(SUITES), default='buffer',
                    help='which of Node\'s tests: buffer (default) or modules '
                         '(stream, zlib, crypto hash/hmac/random, querystring, string-decoder, url)')
    ap.add_argument('--keep', metavar='DIR',
                    help='extract into DIR (created, kept) instead of a temp dir')
    ap.add_argument('--times', action='store_true', help='show seconds per test')
    ap.add_argument('--no-flags', action='store_true',
                    help='do not pass the tests\' // Flags: to the runtime')
    ap.add_argument('--selftest', action='store_true',
                    help='check the common stand-in itself (conformance/selftest) and exit')
    args = ap.parse_args()

    runtime = os.environ.get('RUNTIME', 'node')
    global IGNORE_FLAGS, SUITE
    SUITE = args.suite
    IGNORE_FLAGS = args.no_flags
    if args.selftest:
        return run_selftest(runtime, args.timeout)
    mirror = os.environ.get('NODE_TEST_MIRROR', DEFAULT_MIRROR)
    commit = os.environ.get('NODE_TEST_COMMIT', DEFAULT_COMMIT)
    paths = select(list_tests(mirror, commit, args.sequential), args.tests)

    if args.keep:
        root = os.path.abspath(args.keep)
        repo = os.path.dirname(HERE)
        if root == repo or root.startswith(repo + os.sep):
            sys.exit('run.py: --keep DIR must be outside the repository '
                     '(Node\'s tests are never stored in it)')
        if os.path.exists(os.path.join(root, 'test')):
            shutil.rmtree(os.path.join(root, 'test'))
        os.makedirs(root, exist_ok=True)
    else:
        root = tempfile.mkdtemp(prefix='nodebuf-conformance-')
    try:
        extract(mirror, commit, paths, root)
        if args.list:
            for path in paths:
                with open(os.path.join(root, path), encoding='utf-8') as src:
                    flags = test_flags(src.read())
                print(os.path.basename(path), ' '.join(flags))
            return 0
        if args.verbose:
            ok = all([run_verbose(runtime, root, p, args.timeout) for p in paths])
            return 1 if args.strict and not ok else 0

        counts = {'PASS': 0, 'FAIL': 0, 'SKIP': 0}

        def report(path, result):
            status, detail, seconds = result
            counts[status] += 1
            line = f'{status} {os.path.basename(path)}'
            if detail:
                line += f' ({detail})'
            if args.times:
                line += f' {seconds:.2f}s'
            print(line, flush=True)

        if args.jobs > 1:
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                futures = [(p, pool.submit(run_one, runtime, root, p, args.timeout))
                           for p in paths]
                for path, future in futures:
                    report(path, future.result())
        else:
            for path in paths:
                report(path, run_one(runtime, root, path, args.timeout))

        summary = f"{counts['PASS']} passed, {counts['FAIL']} failed"
        if counts['SKIP']:
            summary += f", {counts['SKIP']} skipped"
        print(summary)
        return 1 if args.strict and counts['FAIL'] else 0
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
