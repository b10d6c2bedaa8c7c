#!/usr/bin/env bash
# make_venv.sh VERSION VENV LOCKFILE: create VENV with Python VERSION and install LOCKFILE.
# Writes VENV/.installed (a copy of the lock) only when everything installed, so an
# interrupted install is retried on the next run.
set -euo pipefail
version="$1"; venv="$2"; lock="$3"
here="$(cd "$(dirname "$0")" && pwd)"
python="$("$here/find_python.sh" "$version")"
if [ -x "$venv/bin/python" ] && ! "$venv/bin/python" -c 'import sys; assert "%d.%d" % sys.version_info[:2] == "'"$version"'"' 2>/dev/null; then
  echo "$venv uses the wrong Python version: recreating it"
  rm -rf "$venv"
fi
if [ ! -x "$venv/bin/python" ]; then
  echo "creating $venv with $python"
  "$python" -m venv "$venv"
fi
echo "installing $lock into $venv (a few minutes the first time)..."
# pip prints a warning per package for the optional local package mirrors; keep the rest.
log="$(mktemp)"
set +e
"$venv/bin/python" -m pip install --disable-pip-version-check --progress-bar off -r "$lock" 2>&1 \
  | tee "$log" | grep --line-buffered -E "^(Collecting|Installing collected|Successfully)" | cut -c1-160
status="${PIPESTATUS[0]}"
set -e
if [ "$status" -ne 0 ]; then
  grep -v -E "^WARNING: Location 'file://.*' is ignored" "$log" | tail -n 40
  echo "error: installing $lock into $venv failed (full log: $log)" >&2
  exit 1
fi
rm -f "$log"
"$venv/bin/python" -m pip check >/dev/null || { echo "error: pip check failed in $venv:"; "$venv/bin/python" -m pip check; exit 1; }
cp "$lock" "$venv/.installed"
echo "$venv ready"
