"""Layout profiles as data: the Party (HD36-2018) and State (ND30-2020) rules, user copies saved as JSON.

The built-in profiles live in danvan_desktop/resources/layouts/*.json (package data); a user adjusts
one (margins, sizes, the number format …) and saves it under a new code in the user's data folder
(layouts/*.json). A built-in file is never overwritten. Renderers read only these values: no size or margin is code.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.paths import RESOURCES_DIR, user_data_dir

BUILTIN_DIR = RESOURCES_DIR / "layouts"
PARTY = "HD36-2018"
STATE = "ND30-2020"
MM = 72.0 / 25.4          # points per millimetre


@dataclass
class TextStyle:
    size: float = 14
    bold: bool = False
    italic: bool = False
    underline: bool = False
    caps: bool = False

    def apply_case(self, text: str) -> str:
        return text.upper() if self.caps else text


@dataclass
class Page:
    width_mm: float = 210
    height_mm: float = 297
    top_mm: float = 20
    bottom_mm: float = 20
    left_mm: float = 30
    right_mm: float = 15

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm


@dataclass
class Fonts:
    preferred: str = "Times New Roman"   # used when installed (and always named in DOCX)
    fallback: str = "Liberation Serif"   # shipped in danvan_desktop/resources/fonts, metric-compatible


@dataclass
class RightLine:
    text: str = ""
    style: TextStyle = field(default_factory=TextStyle)


@dataclass
class HeaderLayout:
    left_fraction: float = 0.45
    upper_body: TextStyle = field(default_factory=lambda: TextStyle(14, caps=True))
    issuing_body: TextStyle = field(default_factory=lambda: TextStyle(14, bold=True, caps=True))
    separator: str = "*"                 # "*" (Party) or "rule" (State)
    separator_rule_fraction: float = 0.0  # State: the rule's length as a fraction of the left column
    number: TextStyle = field(default_factory=lambda: TextStyle(14))
    right_lines: list[RightLine] = field(default_factory=list)
    right_rule: str = "text"             # "text": a rule as long as the last right line; "none"
    date_line: TextStyle = field(default_factory=lambda: TextStyle(14, italic=True))
    date_level: str = "separator"        # the left row the date line is level with: "separator" or "number"
    space_after_pt: float = 12


@dataclass
class NumberFormat:
    format: str = "Số {n}-{type}/{body}"
    blank: str = "Số      -{type}/{body}"
    digits: int = 2
    restart: str = "term"                # "term" (Party) or "year" (State)


@dataclass
class TitleLayout:
    kind: TextStyle = field(default_factory=lambda: TextStyle(16, bold=True, caps=True))
    subject: TextStyle = field(default_factory=lambda: TextStyle(14, bold=True))
    after_subject: str = "-----"         # the literal text, or "rule"
    space_after_pt: float = 12


@dataclass
class BodyLayout:
    style: TextStyle = field(default_factory=lambda: TextStyle(14))
    first_line_indent_mm: float = 10
    space_after_pt: float = 6
    leading_pt: float = 18
    ending: str = "."


@dataclass
class TableLayout:
    size: float = 12
    leading_pt: float = 15
    header_bold: bool = True


@dataclass
class FootnoteLayout:
    size: float = 12
    leading_pt: float = 14
    placement: str = "page"              # "page": at the foot of the page; "end": after the body


@dataclass
class SignatureLayout:
    authority: TextStyle = field(default_factory=lambda: TextStyle(14, bold=True, caps=True))
    post: TextStyle = field(default_factory=lambda: TextStyle(14, caps=True))
    caption: TextStyle = field(default_factory=lambda: TextStyle(14, bold=True, caps=True))
    name: TextStyle = field(default_factory=lambda: TextStyle(14, bold=True))
    space_for_signature_mm: float = 25
    space_before_pt: float = 12


@dataclass
class RecipientsLayout:
    label: str = "Nơi nhận:"
    label_style: TextStyle = field(default_factory=lambda: TextStyle(14, underline=True))
    item_style: TextStyle = field(default_factory=lambda: TextStyle(12))


@dataclass
class PageNumberLayout:
    from_page: int = 2
    size: float = 14
    position: str = "top-center"


@dataclass
class StampLayout:
    size: float = 8


@dataclass
class LayoutProfile:
    code: str = PARTY
    name: str = ""
    family: str = "party"                # "party" or "state": which signing words and titles apply
    builtin: bool = False
    based_on: str = ""
    page: Page = field(default_factory=Page)
    font: Fonts = field(default_factory=Fonts)
    header: HeaderLayout = field(default_factory=HeaderLayout)
    numbers: NumberFormat = field(default_factory=NumberFormat)
    title: TitleLayout = field(default_factory=TitleLayout)
    body: BodyLayout = field(default_factory=BodyLayout)
    headings: list[TextStyle] = field(default_factory=lambda: [TextStyle(14, bold=True, caps=True),
                                                               TextStyle(14, bold=True),
                                                               TextStyle(14, bold=True, italic=True)])
    table: TableLayout = field(default_factory=TableLayout)
    footnote: FootnoteLayout = field(default_factory=FootnoteLayout)
    signature: SignatureLayout = field(default_factory=SignatureLayout)
    recipients: RecipientsLayout = field(default_factory=RecipientsLayout)
    page_number: PageNumberLayout = field(default_factory=PageNumberLayout)
    stamp: StampLayout = field(default_factory=StampLayout)

    # -- values the documents need ----------------------------------------------------------
    def heading_style(self, level: int) -> TextStyle:
        return self.headings[min(max(level, 1), len(self.headings)) - 1]

    def format_number(self, n: int | None, type_code: str, body: str) -> str:
        """'Số 07-BB/DV' (Party) / 'Số: 07/BB-UBND' (State); a blank to fill by hand when n is None."""
        if n is None:
            return self.numbers.blank.format(type=type_code, body=body)
        return self.numbers.format.format(n=f"{n:0{self.numbers.digits}d}", type=type_code, body=body)

    def finish(self, text: str) -> str:
        """The body's last sentence with the layout's ending ('.' Party, './.' State)."""
        stripped = text.rstrip()
        for end in ("./.", ".", ";", ","):
            if stripped.endswith(end):
                stripped = stripped[: -len(end)].rstrip()
                break
        return stripped + self.body.ending if stripped else stripped

    # -- checks -----------------------------------------------------------------------------
    def validate(self) -> None:
        self.code = self.code.strip()
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}", self.code):
            raise RuleError(_("Mã mẫu trình bày chỉ gồm chữ không dấu, số, dấu chấm và gạch (ví dụ XA-2026)."),
                            "code")
        p = self.page
        for name, value in (("top_mm", p.top_mm), ("bottom_mm", p.bottom_mm), ("left_mm", p.left_mm),
                            ("right_mm", p.right_mm)):
            if not 5 <= value <= 60:
                raise RuleError(_("Lề trang phải từ 5 đến 60 mm."), name)
        for style in self._styles():
            if not 6 <= style.size <= 30:
                raise RuleError(_("Cỡ chữ phải từ 6 đến 30 pt."), "size")
        if not 0 <= self.body.first_line_indent_mm <= 40:
            raise RuleError(_("Thụt đầu dòng phải từ 0 đến 40 mm."), "first_line_indent_mm")
        if self.body.leading_pt < self.body.style.size:
            raise RuleError(_("Khoảng cách dòng không được nhỏ hơn cỡ chữ."), "leading_pt")
        if not 0.2 <= self.header.left_fraction <= 0.7:
            raise RuleError(_("Cột trái của phần đầu phải chiếm từ 20% đến 70% bề rộng."), "left_fraction")
        try:
            self.format_number(1, "BB", "DV")
            self.format_number(None, "BB", "DV")
        except (KeyError, IndexError, ValueError) as exc:
            raise RuleError(_("Mẫu số văn bản chỉ được dùng {n}, {type} và {body}."), "numbers") from exc

    def _styles(self) -> list[TextStyle]:
        h, s = self.header, self.signature
        return [h.upper_body, h.issuing_body, h.number, h.date_line, *(line.style for line in h.right_lines),
                self.title.kind, self.title.subject, self.body.style, *self.headings, s.authority, s.post,
                s.caption, s.name, self.recipients.label_style, self.recipients.item_style]

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data.pop("builtin", None)
        return data


# -- (de)serialising ------------------------------------------------------------------------
def _build(cls, data: Any, default: Any) -> Any:
    """A dataclass from a dict, each missing key taken from `default` (a tolerant, versionless read)."""
    if not dataclasses.is_dataclass(cls):
        return default if data is None else data
    values = {}
    for f in dataclasses.fields(cls):
        current = getattr(default, f.name)
        raw = data.get(f.name) if isinstance(data, dict) else None
        if raw is None:
            values[f.name] = current
        elif f.name == "headings":
            values[f.name] = [_build(TextStyle, item, TextStyle()) for item in raw]
        elif f.name == "right_lines":
            values[f.name] = [_build(RightLine, item, RightLine()) for item in raw]
        elif dataclasses.is_dataclass(current):
            values[f.name] = _build(type(current), raw, current)
        elif isinstance(current, bool):
            values[f.name] = bool(raw)
        elif isinstance(current, (int, float)) and not isinstance(raw, (int, float)):
            values[f.name] = float(raw)
        elif isinstance(current, str):
            values[f.name] = str(raw)
        else:
            values[f.name] = raw
    return cls(**values)


def profile_from_dict(data: dict[str, Any], base: LayoutProfile | None = None) -> LayoutProfile:
    return _build(LayoutProfile, data, base or LayoutProfile())


def user_dir() -> Path:
    return user_data_dir() / "layouts"


def _read(path: Path, base: LayoutProfile | None = None) -> LayoutProfile:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuleError(_("Không đọc được mẫu trình bày «{name}»: {error}").format(name=path.name, error=exc)) \
            from exc
    return profile_from_dict(data, base)


def builtin_profiles() -> dict[str, LayoutProfile]:
    result = {}
    for path in sorted(BUILTIN_DIR.glob("*.json")):
        profile = _read(path)
        profile.builtin = True
        result[profile.code] = profile
    return result


def user_profiles(folder: Path | None = None, builtins: dict[str, LayoutProfile] | None = None) \
        -> dict[str, LayoutProfile]:
    folder = folder or user_dir()
    builtins = builtins if builtins is not None else builtin_profiles()
    result = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue      # a damaged user file must not hide the built-in profiles
            base = builtins.get(str(raw.get("based_on", "")), builtins.get(PARTY))
            profile = profile_from_dict(raw, base)
            if profile.code not in builtins:
                result[profile.code] = profile
    return result


def all_profiles(folder: Path | None = None) -> dict[str, LayoutProfile]:
    builtins = builtin_profiles()
    return {**builtins, **user_profiles(folder, builtins)}


def load_profile(code: str, folder: Path | None = None) -> LayoutProfile:
    """The profile named `code`; an unknown code falls back to the Party profile (documents still print)."""
    profiles = all_profiles(folder)
    return profiles.get(code) or profiles[PARTY]


def save_profile(profile: LayoutProfile, folder: Path | None = None) -> Path:
    """Save an adjusted profile under its own code; a built-in code is refused (copy it under a new one)."""
    profile.validate()
    if profile.code in builtin_profiles():
        raise RuleError(_("Không sửa được mẫu có sẵn «{code}»; hãy lưu thành một mẫu mới với mã khác.")
                        .format(code=profile.code), "code")
    folder = folder or user_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{profile.code}.json"
    data = json.dumps(profile.to_dict(), ensure_ascii=False, indent=2)
    fd, tmp = tempfile.mkstemp(prefix=f".{profile.code}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def copy_profile(source: LayoutProfile, new_code: str, new_name: str) -> LayoutProfile:
    """A user copy of a profile to adjust before saving."""
    copy = profile_from_dict(source.to_dict(), source)
    copy.code, copy.name, copy.builtin = new_code.strip(), new_name.strip(), False
    copy.based_on = source.based_on or source.code
    return copy
