"""Footnotes in the PDF print at the foot of the page that cites them — many of them, long ones, markers
near the page foot — and still do when the room kept for them while laying the pages out was wrong."""

from __future__ import annotations

import pytest
from pdftools import MM, Word, find_line, words
from render_samples import minutes_document

from danvan_desktop.render import pdf_footnotes
from danvan_desktop.render.document import Footnote, Paragraph
from danvan_desktop.render.layout import load_profile
from danvan_desktop.render.pdf import render_pdf

NOTE = ("Theo số liệu của Ủy ban MTTQ xã và các đoàn thể chính trị - xã hội tổng hợp đến hết ngày 20 hằng "
        "tháng; số liệu cùng kỳ năm trước lấy theo báo cáo đã gửi Ban Dân vận Huyện ủy. ")


@pytest.fixture(autouse=True)
def _shipped_font(monkeypatch):
    monkeypatch.setenv("DANVAN_DOC_FONT", "shipped")


def _cite(speeches: int, cites: dict[int, list[tuple[int, int, bool]]]):
    """A biên bản whose paragraph k cites notes (number, length in sentences, marker mid-paragraph or at its end)."""
    doc = minutes_document(speeches=speeches)
    paragraphs = [i for i, block in enumerate(doc.body) if isinstance(block, Paragraph)]
    for k, notes in cites.items():
        block = doc.body[paragraphs[k]]
        for number, length, middle in notes:
            marker = f"[[fn:{number}]]"
            block.text = block.text[:60] + marker + block.text[60:] if middle else block.text + marker
            doc.footnotes.append(Footnote(number, f"Ghi chú {number}: " + NOTE * length))
    return doc


def _check_notes_at_their_page_foot(pdf, numbers):
    all_words = words(pdf)
    page = load_profile("HD36-2018").page
    foot = (page.height_mm - page.bottom_mm) * MM
    tops: dict[int, float] = {}
    for n in numbers:
        note = find_line(all_words, "Vắng 01 đồng chí:" if n == 1 else f"Ghi chú {n}:")[0]   # 1: the sample's own
        label = next(w for w in all_words if w.page == note.page and w.text == f"({n})"
                     and abs(w.y0 - note.y0) < 8 and w.x1 <= note.x0)     # its superscript number
        markers = [w for w in all_words if f"({n})" in w.text and w is not label]
        assert len(markers) == 1, f"note {n} cited once"
        assert markers[0].page == note.page, f"note {n} printed on the page that cites it"
        assert markers[0].y1 < label.y0
        tops[note.page] = min(tops.get(note.page, 1e9), label.y0)
    for number, top in tops.items():
        on_page: list[Word] = [w for w in all_words if w.page == number]
        below = [w for w in on_page if w.y0 >= top - 1]
        # nothing of the body (14 pt; notes are smaller) is drawn over the notes, which end at the foot of the
        # page: above the margin, and not floating higher up (no more than a body line's room left below them)
        assert all(w.y1 - w.y0 < 13 for w in below), [w.text for w in below if w.y1 - w.y0 >= 13]
        assert foot - 18 <= max(w.y1 for w in below) <= foot + 1


def test_a_note_on_every_speech_prints_with_its_marker(tmp_path):
    cites = {k: [(k + 2, 1 + k % 4, k % 3 == 0)] for k in range(30)}
    pdf = render_pdf(_cite(30, cites), tmp_path / "many.pdf")
    _check_notes_at_their_page_foot(pdf, [1] + [k + 2 for k in range(30)])


@pytest.mark.parametrize("k", range(3, 12))
def test_markers_near_the_page_foot_take_their_notes_along(tmp_path, k):
    # Two long notes cited by consecutive speeches that reach the foot of page 1 or 2: the paragraph that
    # cites them stays, splits or moves so that its notes fit under it.
    pdf = render_pdf(_cite(24, {k: [(2, 5, True)], k + 1: [(3, 2, False)]}), tmp_path / "near.pdf")
    _check_notes_at_their_page_foot(pdf, [1, 2, 3])


@pytest.mark.parametrize("guess", ["none", "all"])
def test_a_wrong_guess_of_the_room_is_laid_out_again(tmp_path, monkeypatch, guess):
    # The first pass keeps room for the notes it finds in what it places; when that finding is wrong — it
    # sees no notes, or every note in everything — the pages are laid out again from where the markers fell.
    everything = frozenset(range(1, 40))
    monkeypatch.setattr(pdf_footnotes, "footnotes_in",
                        lambda flowable: frozenset() if guess == "none" else everything)
    cites = {k: [(k + 2, 1 + k % 4, k % 3 == 0)] for k in range(0, 30, 2)}
    pdf = render_pdf(_cite(30, cites), tmp_path / "guess.pdf")
    _check_notes_at_their_page_foot(pdf, [1] + [k + 2 for k in range(0, 30, 2)])
