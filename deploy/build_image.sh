#!/usr/bin/env bash
# Build the Drill Atlas container image with podman, on a Debian base made here with debootstrap.
#
#   bash deploy/build_image.sh               # base image (once), then the app image
#   bash deploy/build_image.sh --rebuild-base  # make the base again (fresh Debian security updates)
#   bash deploy/build_image.sh --run-flags   # print the podman flags this machine needs: a line of
#                                            # global flags, then a line of flags for `podman run`
#
# Needs root and Debian's podman and debootstrap (apt-get install -y podman debootstrap). No
# registry is used: the base is debootstrapped from the Debian mirror apt is configured with here
# (deb.debian.org when apt names none), Python 3.11 comes from Debian, the requirements from PyPI.
#
# Environment:
#   DRILL_ATLAS_IMAGE       app image name       (default localhost/drill-atlas:latest)
#   DRILL_ATLAS_BASE_IMAGE  base image name      (default localhost/debian-base:bookworm)
#   DEBIAN_MIRROR           Debian archive URL   (default: from apt's configuration)
#   DEBIAN_SECURITY_MIRROR  security archive URL (default: from apt's configuration)
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=${DRILL_ATLAS_IMAGE:-localhost/drill-atlas:latest}
BASE=${DRILL_ATLAS_BASE_IMAGE:-localhost/debian-base:bookworm}
SUITE=bookworm
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { printf '[build_image] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# The archive URL apt uses on this machine for a release (bookworm or bookworm-security), if any.
apt_mirror() {
  apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 'Identifier: Packages' 'Origin: Debian' 2>/dev/null \
    | awk -v release="$1" '$1 == release { sub("/$", "", $2); print $2; exit }'
}

# The podman flags this machine needs: RUNTIME (global) and ULIMITS (for run and build). Podman asks for RLIMIT_NOFILE 1048576 in each
# container, which fails where root lacks CAP_SYS_RESOURCE and the hard limit is lower, so the
# limits are capped at what this shell has. crun refuses cgroup v1/v2 hybrid hosts with a
# controller on v2 ("cgroups in hybrid mode not supported"); runc is used there when installed.
run_flags() {
  local nofile nproc
  nofile=$(ulimit -Hn); [ "$nofile" = unlimited ] || [ "$nofile" -gt 65536 ] && nofile=65536
  nproc=$(ulimit -Hu); [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ] && nproc=32768
  ULIMITS=(--ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc")
  RUNTIME=()
  if ! podman run --rm --network none "${ULIMITS[@]}" "$BASE" true 2>/dev/null; then
    if command -v runc >/dev/null && podman --runtime runc run --rm --network none "${ULIMITS[@]}" "$BASE" true; then
      RUNTIME=(--runtime runc)
    else
      die "podman cannot run a container from $BASE here (see the error above)"
    fi
  fi
}

make_base() {
  command -v debootstrap >/dev/null || die "debootstrap is missing: apt-get install -y debootstrap"
  [ -r "$KEYRING" ] || die "$KEYRING is missing: apt-get install -y debian-archive-keyring"
  local mirror security rootfs started
  mirror=${DEBIAN_MIRROR:-$(apt_mirror "$SUITE")}
  mirror=${mirror:-http://deb.debian.org/debian}
  security=${DEBIAN_SECURITY_MIRROR:-$(apt_mirror "$SUITE-security")}
  security=${security:-http://deb.debian.org/debian-security}
  rootfs=$(mktemp -d /var/tmp/debian-base.XXXXXX)
  trap 'rm -rf "$rootfs"' EXIT
  started=$SECONDS
  log "debootstrap --variant=minbase $SUITE from $mirror"
  debootstrap --variant=minbase --keyring="$KEYRING" "$SUITE" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
    || { tail -n 30 "$rootfs.log" >&2; rm -f "$rootfs.log"; die "debootstrap failed"; }
  rm -f "$rootfs.log"
  log "debootstrap done in $((SECONDS - started)) s"
  # As in Debian's own slim images: no manuals, translations or documentation except the
  # copyright files, now or in packages installed later.
  cat >"$rootfs/etc/dpkg/dpkg.cfg.d/slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
EOF
  find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
  find "$rootfs/usr/share/doc" -type d -empty -delete
  rm -rf "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* "$rootfs"/usr/share/lintian/*
  # The same mirrors, with the updates and security suites, then today's updates.
  rm -f "$rootfs/etc/apt/sources.list"
  cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $mirror
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: $KEYRING

Types: deb
URIs: $security
Suites: $SUITE-security
Components: main
Signed-By: $KEYRING
EOF
  chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c 'apt-get update -qq && apt-get upgrade -y -qq >/dev/null && apt-get clean'
  # Nothing of this machine in the image: podman supplies resolv.conf, hosts and hostname.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/* "$rootfs"/tmp/*
  : >"$rootfs/etc/resolv.conf"; : >"$rootfs/etc/machine-id"; echo localhost >"$rootfs/etc/hostname"
  tar --numeric-owner --xattrs -C "$rootfs" -c . \
    | podman import --change 'CMD ["/bin/bash"]' --message "debootstrap --variant=minbase $SUITE" - "$BASE" >/dev/null
  rm -rf "$rootfs"; trap - EXIT
  log "base image $BASE made in $((SECONDS - started)) s"
}

build_app() {
  local started=$SECONDS secret=()
  # pip inside the build trusts what this machine trusts (a proxy's CA, if any); not kept in the image.
  [ -s /etc/ssl/certs/ca-certificates.crt ] && secret=(--secret id=pip_cert,src=/etc/ssl/certs/ca-certificates.crt)
  log "podman build $IMAGE from $BASE"
  # docker format: the OCI image format has no HEALTHCHECK.
  podman "${RUNTIME[@]}" build --format docker --layers "${ULIMITS[@]}" "${secret[@]}" \
    --build-arg "BASE=$BASE" -f deploy/Dockerfile --ignorefile deploy/Dockerfile.dockerignore -t "$IMAGE" .
  log "app image $IMAGE built in $((SECONDS - started)) s"
}

[ "$(id -u)" = 0 ] || die "run as root (rootful podman and debootstrap)"
command -v podman >/dev/null || die "podman is missing: apt-get install -y podman"

case "${1:-}" in
  --run-flags)
    podman image exists "$BASE" || make_base
    run_flags
    echo "${RUNTIME[*]}"
    echo "${ULIMITS[*]}"
    ;;
  --rebuild-base|"")
    if [ "${1:-}" = --rebuild-base ] || ! podman image exists "$BASE"; then make_base; else log "base image $BASE exists"; fi
    run_flags
    build_app
    ;;
  *) die "unknown option $1 (see the top of $0)" ;;
esac
