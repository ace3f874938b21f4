#!/usr/bin/env bash
# Compiles and lints the Bicep offline with the Bicep CLI restored from NuGet
# (Azure.Bicep.CommandLine.linux-x64, pinned in Directory.Packages.props). Any diagnostic fails:
# bicepconfig.json raises every linter rule to error, and compiler warnings count too.
# Usage: infra/validate.sh [output.json]   (writes the compiled ARM template there when given)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
main="$root/infra/bicep/main.bicep"

version="$(sed -n 's/.*Include="Azure.Bicep.CommandLine.linux-x64" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
if [[ -z "$version" ]]; then
  echo "validate.sh: Azure.Bicep.CommandLine.linux-x64 is not pinned in Directory.Packages.props" >&2
  exit 2
fi
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "validate.sh: restoring the Bicep CLI $version (tests/Infra.Tests)" >&2
  dotnet restore "$root/tests/Infra.Tests/Infra.Tests.csproj" >&2
fi
if [[ ! -f "$bicep" ]]; then
  echo "validate.sh: no Bicep CLI at $bicep after restore" >&2
  exit 2
fi
[[ -x "$bicep" ]] || chmod +x "$bicep"

status=0
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

# One step: runs the CLI and fails on a non-zero exit or any diagnostic it prints.
check() {
  local step="$1"; shift
  local diagnostics
  if ! diagnostics="$("$bicep" "$@" 2>&1 >"$out")"; then
    echo "FAIL bicep $step" >&2
    status=1
  elif [[ -n "$diagnostics" ]]; then
    echo "FAIL bicep $step: diagnostics are errors here" >&2
    status=1
  else
    echo "ok   bicep $step"
  fi
  [[ -z "$diagnostics" ]] || printf '%s\n' "$diagnostics" >&2
}

check build build "$main" --stdout
if [[ $status -eq 0 && $# -ge 1 ]]; then
  cp "$out" "$1"
fi
check lint lint "$main"
exit $status
