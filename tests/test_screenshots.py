"""`danvan screenshots`: one PNG per page (and per extra dialog), at the officers' 1366×768, not blank."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from danvan_desktop.cli import main
from danvan_desktop.gui.pages.registry import pages


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_every_page_is_written_as_a_png_that_shows_something(tmp_path, qapp, capsys, demo):
    db = demo.db.path
    demo.close()
    out = tmp_path / "ảnh"
    assert main(["screenshots", "--db", str(db), "--out", str(out)]) == 0
    printed = capsys.readouterr().out.split()
    written = sorted(out.glob("*.png"))
    assert sorted(map(str, written)) == sorted(printed)
    keys = [spec.key for spec in pages()]
    for index, key in enumerate(keys):
        shot = out / f"{index:02d}_{key}.png"
        assert shot in written, shot
        image = QImage(str(shot))
        assert (image.width(), image.height()) == (1366, 768)
        assert distinct_colours(image) > 20, f"{shot.name} looks blank"
    assert (out / f"{keys.index('members'):02d}_members_post_history.png").exists()


def test_screenshots_of_a_missing_file_is_a_clear_error(tmp_path):
    missing = tmp_path / "không-có.sqlite3"
    with pytest.raises(SystemExit) as caught:
        main(["screenshots", "--db", str(missing), "--out", str(tmp_path / "out")])
    assert "Không có tệp dữ liệu" in str(caught.value.code)
    assert not missing.exists() and not (tmp_path / "out").exists()
