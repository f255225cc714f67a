# Shared by scripts/run and scripts/test: install what is missing, then
# configure and build with meson. Sourced, not run.

# Debian packages the build needs; scripts/test adds what the tests need.
DESCENT_PACKAGES="meson ninja-build pkg-config gcc libc6-dev libgsl-dev
  libncurses-dev libjansson-dev libopenblas-serial-dev
  libcairo2-dev scdoc"
DESCENT_TEST_PACKAGES="libcunit1-dev tmux python3 clang libclang-rt-14-dev
  python3-numpy python3-torch valgrind"

descent_install() {
    local missing=() p
    for p in $DESCENT_PACKAGES "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "descent: missing packages: ${missing[*]}" >&2
        echo "descent: install them with: sudo apt-get install ${missing[*]}" >&2
        return 1
    fi
    echo "Installing ${missing[*]} ..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 &&
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# descent_build DIR [meson setup options...]: configure once, then build.
descent_build() {
    local dir=$1
    shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >&2 || return 1
    fi
    ninja -C "$dir" >&2
}
