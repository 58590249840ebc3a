#!/bin/sh
# Runs Node v20.11.1's test-buffer-*.js against $RUNTIME (default: node).
# See conformance/README.md; all options are documented by `run.sh --help`.
exec python3 "$(dirname "$0")/run.py" "$@"
