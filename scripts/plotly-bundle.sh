#!/usr/bin/env bash
# Rebuild dashboard/assets/plotly-bundle.min.js (and its manifest, plotly-bundle.json): plotly.js from npm, at
# the version the installed `plotly` Python package ships, with only the trace types dashboard/ draws.
# Needs python (with the project installed), node and npm; run it after a dash/plotly upgrade, then commit
# dashboard/assets/ and scripts/plotly-bundle/package*.json. See dashboard/plotly_bundle.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
version=$("$PYTHON" -c 'from dashboard.plotly_bundle import served_version; print(served_version())')
traces=$("$PYTHON" -c 'from dashboard.plotly_bundle import trace_types; print(*sorted(trace_types()))')
cd scripts/plotly-bundle
pinned=$(node -p 'require("./package.json").dependencies["plotly.js"]')
if [ "$pinned" != "$version" ]; then
  echo "plotly-bundle: pinning plotly.js $version (was $pinned)" >&2
  npm install --save-exact --ignore-scripts --no-audit --no-fund "plotly.js@$version"
fi
# The lockfile pins every dependency; install scripts are not needed (esbuild's binary is a dependency).
npm ci --ignore-scripts --no-audit --no-fund
# shellcheck disable=SC2086  # one argument per trace type
node build.mjs ../../dashboard/assets $traces
