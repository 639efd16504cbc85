"""Which mounted volumes are removable (USB sticks, memory cards) — the only ones offered as "USB".

A second fixed disk (D:) or a network drive is not a USB stick: the hand-over page must not suggest
writing the commune's file there. Windows answers through GetDriveTypeW (DRIVE_REMOVABLE); Linux
through sysfs (the disk's `removable` flag, or a disk that hangs off a USB bus).
"""

from __future__ import annotations

import sys
from pathlib import Path

DRIVE_REMOVABLE = 2


def is_removable(root: str, device: str = "", sysfs: Path = Path("/sys")) -> bool:
    """True when the volume mounted at `root` (from block device `device`) can be pulled out."""
    if sys.platform == "win32":
        import ctypes
        drive = root if root.endswith("\\") else root + "\\"
        return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(drive)) == DRIVE_REMOVABLE
    if sys.platform == "darwin":
        return root.startswith("/Volumes/")
    return _linux_removable(device, sysfs)


def _linux_removable(device: str, sysfs: Path) -> bool:
    if not device.startswith("/dev/"):
        return False                         # network shares (//server/share, host:/path), tmpfs …
    node = sysfs / "class" / "block" / Path(device).name
    try:
        real = node.resolve(strict=True)
    except OSError:
        return False
    disk = real if (real / "removable").exists() else real.parent     # a partition's parent is its disk
    try:
        if (disk / "removable").read_text().strip() == "1":
            return True
    except OSError:
        pass
    return "/usb" in str(real)               # a USB disk that calls itself fixed is still a USB disk
