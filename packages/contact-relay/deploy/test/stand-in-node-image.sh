#!/usr/bin/env bash
# A STAND-IN for the official image docker.io/library/node:20-bookworm-slim,
# for machines that cannot reach Docker Hub (the project's test machine reaches
# only Debian's mirror and the npm registry). Anyone who can pull the official
# image should use that; this script never replaces an image that is already
# there, so with the official image present it does nothing.
#
# What it builds: a minimal Debian 12 (debootstrap --variant=minbase) with this
# machine's Node 20 binary and npm in /usr/local, as the official image has
# them, and the official image's user `node` (uid and gid 1000). It is tagged
# with the official name so that `podman build --pull=never` resolves the
# Containerfile's FROM locally, and labelled as a stand-in so that
# `podman image inspect` tells it apart.
#
#   stand-in-node-image.sh [image name]     (as root; needs podman, debootstrap)
set -euo pipefail

image=${1:-docker.io/library/node:20-bookworm-slim}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if podman image exists "$image"; then
  echo "stand-in-node-image: $image exists already; nothing to do"
  exit 0
fi

node_bin=$(command -v node)
case "$("$node_bin" --version)" in
  v20.*) ;;
  *) echo "stand-in-node-image: needs Node 20 on this machine (found $("$node_bin" --version))" >&2; exit 1 ;;
esac
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")

rootfs=$(mktemp -d /tmp/ww-node-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT

debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null
# Node is one self-contained binary (it needs only libc, libstdc++ and libgcc,
# which minbase has); npm is plain JavaScript.
install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules"
cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
# Where this machine's npm trusts an extra certificate authority (a
# TLS-inspecting proxy between it and the registry), the stand-in's npm trusts
# it too, through npm's global config; Node itself and the relay are untouched.
cafile=$(npm config get cafile)
if [ -n "$cafile" ] && [ "$cafile" != null ] && [ -f "$cafile" ]; then
  mkdir -p "$rootfs/usr/local/etc"
  cp "$cafile" "$rootfs/usr/local/etc/npm-ca.crt"
  echo "cafile=/usr/local/etc/npm-ca.crt" >"$rootfs/usr/local/etc/npmrc"
fi
chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
# Like the official slim image: no package lists, no downloaded packages.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb

tar --numeric-owner -C "$rootfs" -c . | podman import \
  --change 'CMD ["node"]' \
  --change "LABEL org.opencontainers.image.description=\"Stand-in for node:20-bookworm-slim (Debian 12 minbase + Node $("$node_bin" --version)), built by packages/contact-relay/deploy/test/stand-in-node-image.sh because Docker Hub is out of reach\"" \
  --quiet - "$image" >/dev/null
echo "stand-in-node-image: imported $image (a stand-in, see the label)"
