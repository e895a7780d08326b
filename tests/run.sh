#!/usr/bin/env bash
# The one test command (README and .ci/run both call it): installs what the tests need, checks lint and format
# (ruff, settings in pyproject.toml), then runs the tests; arguments go to pytest.
# Debian's chromium (browser tests) and nginx (replica test) are installed with apt when missing and we are
# root; elsewhere those tests skip unless CLAIMLENS_REQUIRE_BROWSER=1 (CI sets it, so there they must run).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing Debian packages: ${need[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "note: ${need[*]} missing and not root: browser/replica tests will skip" >&2
  fi
fi
if ! python3 -m ruff check --quiet .; then
  echo "tests/run.sh: ruff check found the problems above (some fixable with: ruff check --fix .)" >&2
  exit 1
fi
if ! python3 -m ruff format --check --quiet .; then
  echo "tests/run.sh: the files above are not formatted (run: ruff format .)" >&2
  exit 1
fi
export CLAIMLENS_OFFLINE=1
exec python3 -m pytest -q "$@"
