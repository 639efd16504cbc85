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


def test_screenshots_at_a_size_a_text_size_and_a_language(tmp_path, qapp, capsys, demo):
    """`--size 1366x728 --text-size 14 --lang en`: the window at that size; the minutes tab and the
    biên bản preview are two different pictures, neither blank."""
    db = demo.db.path
    demo.close()
    out = tmp_path / "en14"
    assert main(["screenshots", "--db", str(db), "--out", str(out), "--size", "1366x728", "--text-size", "14",
                 "--lang", "en"]) == 0
    keys = [spec.key for spec in pages()]
    first = QImage(str(out / f"{keys.index('dashboard'):02d}_dashboard.png"))
    assert (first.width(), first.height()) == (1366, 728)
    index = keys.index("meetings")
    minutes = QImage(str(out / f"{index:02d}_meetings_minutes.png"))
    preview = QImage(str(out / f"{index:02d}_meetings_preview.png"))
    assert minutes != preview
    # the lower half of the preview is the rendered page: text in black on white, not a white sheet
    lower = preview.copy(preview.width() // 3, preview.height() // 2, preview.width() // 2, preview.height() // 3)
    assert distinct_colours(lower, step=3) > 20, "the biên bản preview is blank"
    with pytest.raises(SystemExit):
        main(["screenshots", "--db", str(db), "--out", str(out), "--size", "big"])
    assert "1366x768" in capsys.readouterr().err
