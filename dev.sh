#!/usr/bin/env bash
# Set-up and build for smr on Debian 12.
#   ./dev.sh run    install what is missing, build (Release), run smr on the example
#   ./dev.sh test   install what is missing, build (Release), run every test
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build g++ ccache libboost1.81-dev libfmt-dev catch2 nlohmann-json3-dev
          libcli11-dev graphviz libpugixml-dev libmimalloc-dev)
BUILD_DIR=${SMR_BUILD_DIR:-build}
EXAMPLE=(rulesets/example/example.smr)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

case "${1:-}" in
  run)
    install_missing
    build
    "$BUILD_DIR/cli/smr" check "${EXAMPLE[@]}"
    "$BUILD_DIR/cli/smr" eval --explain "${EXAMPLE[@]}"
    "$BUILD_DIR/cli/smr" test "${EXAMPLE[@]}"
    ;;
  test)
    install_missing
    build
    (cd "$BUILD_DIR" && ctest --output-on-failure -j "$(nproc)")
    ;;
  *)
    echo "usage: ./dev.sh run|test" >&2
    exit 2
    ;;
esac
