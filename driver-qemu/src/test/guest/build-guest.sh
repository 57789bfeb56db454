#!/bin/sh
# Builds the tiny Linux test guest of the QEMU driver's tests, offline from Debian packages:
# Debian's stock kernel (fetched once with `apt-get download`, never installed) and a
# busybox-static initramfs that loads the virtio/ACPI modules of the same kernel and prints
# "GUEST-READY <uptime>" on the serial console before starting a shell.
#
# Usage: build-guest.sh [OUTDIR]     (default: ${XDG_CACHE_HOME:-$HOME/.cache}/jvirt/guest)
# Output: OUTDIR/vmlinux (PVH-bootable, uncompressed), OUTDIR/vmlinuz, OUTDIR/initrd.gz, OUTDIR/KVER
# Idempotent: does nothing when the outputs exist and were built by this version of the script.
# Needs: apt-get (with package lists), dpkg-deb, busybox-static, cpio, gzip, xz-utils.
# See /work/shared/reference/qemu-qmp.md §1.5 for the recipe and timings.
set -eu
RECIPE=2   # bump when the initramfs contents change, so caches rebuild
OUTDIR=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/jvirt/guest}
mkdir -p "$OUTDIR"
if [ -f "$OUTDIR/vmlinux" ] && [ -f "$OUTDIR/initrd.gz" ] && [ "$(cat "$OUTDIR/RECIPE" 2>/dev/null)" = "$RECIPE" ]; then
  echo "test guest up to date in $OUTDIR"
  exit 0
fi
for tool in apt-get dpkg-deb cpio gzip xz; do
  command -v "$tool" >/dev/null || { echo "build-guest: $tool missing" >&2; exit 2; }
done
BUSYBOX=/bin/busybox
if ! "$BUSYBOX" 2>/dev/null | head -1 | grep -q BusyBox || ldd "$BUSYBOX" >/dev/null 2>&1; then
  echo "build-guest: $BUSYBOX must be busybox-static" >&2; exit 2
fi
# kernel ABI name behind the linux-image-amd64 metapackage, e.g. 6.1.0-56-amd64
KVER=${KVER:-$(apt-cache depends linux-image-amd64 | sed -n 's/.*Depends: linux-image-//p' | head -1)}
[ -n "$KVER" ] || { echo "build-guest: cannot resolve linux-image-amd64 (apt-get update?)" >&2; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
chmod 755 "$W"
DEB=$(ls "$OUTDIR"/linux-image-"$KVER"_*.deb 2>/dev/null | head -1 || true)
if [ -z "$DEB" ]; then
  ( cd "$W" && apt-get download -q "linux-image-$KVER" )
  mv "$W"/linux-image-"$KVER"_*.deb "$OUTDIR/"
  DEB=$(ls "$OUTDIR"/linux-image-"$KVER"_*.deb | head -1)
fi
dpkg-deb -x "$DEB" "$W/k"
cp "$W/k/boot/vmlinuz-$KVER" "$OUTDIR/vmlinuz.tmp"
# the uncompressed ELF carries a PVH note: QEMU boots it directly with -kernel, skipping the
# slow decompressor under TCG
off=$(LC_ALL=C grep -obUaP '\xfd7zXZ\x00' "$OUTDIR/vmlinuz.tmp" | head -1 | cut -d: -f1)
tail -c +$((off+1)) "$OUTDIR/vmlinuz.tmp" | xz -dc --single-stream > "$OUTDIR/vmlinux.tmp" 2>/dev/null || true
[ -s "$OUTDIR/vmlinux.tmp" ] || { echo "build-guest: could not extract vmlinux" >&2; exit 1; }
R="$W/rootfs"
mkdir -p "$R/var/log" "$R/bin" "$R/proc" "$R/sys" "$R/dev" "$R/etc/acpi/PWRF" "$R/mods" "$R/tmp"
cp "$BUSYBOX" "$R/bin/busybox"
M="$W/k/lib/modules/$KVER/kernel"
for f in drivers/virtio/virtio_ring drivers/virtio/virtio drivers/virtio/virtio_pci_legacy_dev \
         drivers/virtio/virtio_pci_modern_dev drivers/virtio/virtio_pci drivers/virtio/virtio_balloon \
         drivers/virtio/virtio_mem drivers/block/virtio_blk drivers/acpi/button \
         lib/crc64 lib/crc64-rocksoft crypto/crct10dif_common lib/crc-t10dif block/t10-pi \
         drivers/nvme/host/nvme-core drivers/nvme/host/nvme drivers/input/evdev \
         drivers/misc/pvpanic/pvpanic drivers/misc/pvpanic/pvpanic-pci; do
  cp "$M/$f.ko" "$R/mods/"
done
cat > "$R/init" <<'EOS'
#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
for m in virtio_ring virtio virtio_pci_legacy_dev virtio_pci_modern_dev virtio_pci \
         virtio_balloon virtio_mem virtio_blk button crc64 crc64-rocksoft crct10dif_common \
         crc-t10dif t10-pi nvme-core nvme evdev pvpanic pvpanic-pci; do
  insmod /mods/$m.ko 2>/dev/null
done
printf '#!/bin/sh\npoweroff -f\n' > /etc/acpi/PWRF/00000080; chmod +x /etc/acpi/PWRF/00000080
acpid
echo "GUEST-READY $(cut -d' ' -f1 /proc/uptime)"
exec setsid cttyhack sh
EOS
chmod +x "$R/init"
( cd "$R" && find . | cpio -o -H newc --quiet | gzip -1 ) > "$OUTDIR/initrd.gz.tmp"
mv "$OUTDIR/vmlinuz.tmp" "$OUTDIR/vmlinuz"
mv "$OUTDIR/vmlinux.tmp" "$OUTDIR/vmlinux"
mv "$OUTDIR/initrd.gz.tmp" "$OUTDIR/initrd.gz"
echo "$KVER" > "$OUTDIR/KVER"
echo "$RECIPE" > "$OUTDIR/RECIPE"
echo "test guest built in $OUTDIR (kernel $KVER)"
