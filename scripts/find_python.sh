#!/usr/bin/env bash
# Print the path of a Python interpreter of the wanted minor version (e.g. 3.10), or explain
# how to install one and exit 1. Looks at $PYTHON<major><minor> (e.g. PYTHON310), python3.X on
# PATH, pyenv, uv-managed Pythons and the usual system locations.
set -uo pipefail
want="${1:?usage: find_python.sh 3.10}"
var="PYTHON${want//./}"
candidates=()
[ -n "${!var:-}" ] && candidates+=("${!var}")
command -v "python$want" >/dev/null 2>&1 && candidates+=("$(command -v "python$want")")
if command -v pyenv >/dev/null 2>&1; then
  root="$(pyenv root 2>/dev/null)"
  for dir in "$root"/versions/"$want".*; do
    [ -x "$dir/bin/python" ] && candidates+=("$dir/bin/python")
  done
fi
for dir in "$HOME"/.local/share/uv/python/cpython-"$want".*; do
  [ -x "$dir/bin/python$want" ] && candidates+=("$dir/bin/python$want")
done
[ "$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "$want" ] && candidates+=("$(command -v python3)")
for path in /usr/bin/python"$want" /usr/local/bin/python"$want" /opt/homebrew/bin/python"$want"; do
  [ -x "$path" ] && candidates+=("$path")
done
for candidate in "${candidates[@]}"; do
  # A pyenv shim answers even when that version is not selected: check it really runs.
  version="$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)"
  if [ "$version" = "$want" ] && "$candidate" -c 'import venv, ensurepip' 2>/dev/null; then
    echo "$candidate"
    exit 0
  fi
done
cat >&2 <<MSG
error: Python $want is needed and was not found.
  Looked at: \$$var, python$want on PATH, pyenv versions, uv Pythons, /usr/bin, /usr/local/bin.
  Install it, for example one of:
    pyenv install $want            (then re-run make)
    uv python install $want
    sudo apt-get install python$want python$want-venv
  or point to it: make run $var=/path/to/python$want
MSG
exit 1
