"""Names that print: bounded in length, nothing the document font lacks (domain/names.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

import danvan_desktop
from danvan_desktop.domain.members import BlocMember
from danvan_desktop.domain.names import MAX_PERSON_NAME, PRINTABLE_RANGES, unprintable
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.teams import TeamMember
from danvan_desktop.domain.unit import Village

FONTS = Path(danvan_desktop.__file__).parent / "resources" / "fonts"


def test_every_character_called_printable_is_in_the_shipped_document_fonts():
    for name in ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf"):
        covered = set(TTFont(name, str(FONTS / name)).face.charToGlyph)
        missing = [hex(c) for lo, hi in PRINTABLE_RANGES for c in range(lo, hi + 1)
                   if c not in covered and c != 0xA0 and c != 0xAD]
        assert missing == [], name


def test_vietnamese_names_pass_and_emoji_or_chinese_do_not():
    assert unprintable("Nguyễn Thị Ánh Tuyết, Đặng Văn Ưng, Lò Thị Ỏn") == []
    assert unprintable("Hương 🌸") == ["🌸"]
    assert unprintable("Lý 李") == ["李"]


@pytest.mark.parametrize("name, words", [
    ("Nguyễn Thị Hương 🌸", "không in được"),
    ("Nguyễn " * 12, "tối đa"),
])
def test_a_member_with_such_a_name_is_refused_with_a_message(name, words):
    with pytest.raises(RuleError) as caught:
        BlocMember(full_name=name, post_code="mttq").validate()
    assert words in str(caught.value) and caught.value.field_name == "full_name"
    with pytest.raises(RuleError):
        TeamMember(full_name=name).validate()


def test_limits_are_generous_for_real_names_and_villages():
    BlocMember(full_name="Hoàng Thị Phương Thảo Nguyên Hạnh", post_code="mttq").validate()
    assert MAX_PERSON_NAME >= 50
    with pytest.raises(RuleError):
        Village(name="Thôn 🏠").validate()
