#!/usr/bin/env bash
# Set-up and build for smr on Debian 12.
#   ./dev.sh run    install what is missing, build (Release), run smr on the example
#   ./dev.sh test   install what is missing, check the style, build (Release), run every test
#   ./dev.sh sanitize  the same suite built with ASan and UBSan (CI runs it too)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build g++ ccache libboost1.81-dev libfmt-dev catch2 nlohmann-json3-dev
          libcli11-dev graphviz libgraphviz-dev pkg-config libpugixml-dev libmimalloc-dev
          clang-format python3 python3-dev pybind11-dev python3-pandas python3-dask
          python3-distributed)
# Only for the tests: the report is checked as a reader sees it, in a real browser.
TEST_PACKAGES=(chromium python3-pytest)
# npm for the VS Code extension's grammar test, unless a Node.js is there.
command -v npm >/dev/null 2>&1 || TEST_PACKAGES+=(npm)
BUILD_DIR=${SMR_BUILD_DIR:-build}
EXAMPLE=(rulesets/online_safety/regime.smr rulesets/online_safety/rules.smr
         rulesets/online_safety/org.smr rulesets/online_safety/scenarios.smr)

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "dev.sh: installing ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}

# `import smr` for Debian's python3 (and a python3 earlier on the PATH of
# the same version): a .pth file naming the built package's directory.
python_path() {
  local dir="$PWD/$BUILD_DIR/python" sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  for py in /usr/bin/python3 "$(command -v python3)"; do
    local site
    site=$("$py" -c 'import site; print(site.getsitepackages()[0])' 2>/dev/null) || continue
    "${sudo[@]}" mkdir -p "$site"
    echo "$dir" | "${sudo[@]}" tee "$site/smr.pth" >/dev/null
  done
}

build() {
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

case "${1:-}" in
  run)
    install_missing "${PACKAGES[@]}"
    build
    python_path
    python3 -c 'import smr; print("python3: import smr works:", smr.__file__)'
    "$BUILD_DIR/cli/smr" check "${EXAMPLE[@]}"
    "$BUILD_DIR/cli/smr" eval --explain --scenario "Egregious: systemic failings with a significant risk of serious harm" "${EXAMPLE[@]}"
    "$BUILD_DIR/cli/smr" test --coverage "${EXAMPLE[@]}"
    ;;
  test)
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    .ci/check_style  # clang-format, file and function sizes
    build
    python_path
    (cd "$BUILD_DIR" && ctest --output-on-failure -j "$(nproc)")
    ;;
  sanitize)
    # The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    BUILD_DIR=${SMR_SANITIZE_DIR:-build-asan}
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSMR_SANITIZE=ON >/dev/null
    cmake --build "$BUILD_DIR" -j "$(nproc)"
    # Graphviz and fontconfig keep some memory for the process's life: the
    # suppressions name only those libraries.
    local_supp="$PWD/tests/lsan.supp"
    (cd "$BUILD_DIR" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
       LSAN_OPTIONS=suppressions="$local_supp" \
       ctest --output-on-failure -j "$(nproc)")
    ;;
  *)
    echo "usage: ./dev.sh run|test|sanitize" >&2
    exit 2
    ;;
esac
