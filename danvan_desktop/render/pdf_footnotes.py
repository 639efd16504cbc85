"""Room for footnotes at the foot of the page, found while the page is laid out (render/pdf.py's first pass).

Before a flowable that cites footnotes is placed, the frame's bottom is raised by the room the page's
notes will need with the new ones (`FootnoteFrame`); the flowable is placed only if it still fits above
that room, else it is split (its first part measured against the room of all its notes) or goes to the
next page — and its notes with it. So one pass usually gives the final layout: `render/pdf.py` checks
that the notes predicted for each page are the ones drawn there, and lays the document out again with
fixed room per page only when they are not.
"""

from __future__ import annotations

from reportlab.platypus import Frame, Table
from reportlab.platypus import Paragraph as RLParagraph

FOOTNOTE_CALLBACK = "_dv_footnote"     # the onDraw name footnote markers carry (render/pdf.py _markup)
_NONE: frozenset[int] = frozenset()


def footnotes_in(flowable) -> frozenset[int]:
    """The footnote numbers a flowable (a paragraph, a table's cells, a kept-together group) cites."""
    cached = getattr(flowable, "_dv_notes", None)
    if cached is not None:
        return cached
    found: set[int] = set()
    if isinstance(flowable, RLParagraph):
        for frag in getattr(flowable, "frags", ()):
            _callbacks(frag, found)
    elif isinstance(flowable, Table):
        for row in flowable._cellvalues:
            for cell in row:
                for item in (cell if isinstance(cell, (list, tuple)) else (cell,)):
                    found |= footnotes_in(item)
    else:
        for item in getattr(flowable, "_content", ()):    # KeepTogether and other containers
            found |= footnotes_in(item)
    result = frozenset(found) if found else _NONE
    try:
        flowable._dv_notes = result
    except AttributeError:       # strings, None: nothing to cache on
        pass
    return result


def _callbacks(frag, found: set[int]) -> None:
    if isinstance(frag, list):      # a word of a split paragraph: [width, (fragment, text), …]
        for part in frag[1:]:
            _callbacks(part[0] if isinstance(part, tuple) else part, found)
        return
    defn = getattr(frag, "cbDefn", None)
    if defn is not None and getattr(defn, "name", None) == FOOTNOTE_CALLBACK:
        found.add(int(defn.label))


class FootnoteFrame(Frame):
    """The page's one frame; when its document template is `live`, it keeps room for the notes cited on it.

    The template provides `live`, `page`, `predicted` (page → note numbers placed on it),
    `room_for(numbers)` (the room those notes take, capped at 60 % of the frame) and `notes_fit(numbers)`
    (they take no more than that); the frame raises its bottom (`_y1p`) by the room. Notes that would
    outgrow the cap are not added to a page that has notes already: what cites them goes to the next page.
    """

    def _raised(self, canv, flowable) -> tuple[object, frozenset[int]] | None:
        doc = getattr(canv, "_doctemplate", None)
        if doc is None or not getattr(doc, "live", False):
            return None
        numbers = footnotes_in(flowable)
        if not numbers:
            return None
        placed = doc.predicted.get(doc.page, _NONE)
        if numbers <= placed:
            return None
        return doc, placed | numbers

    def _add(self, flowable, canv, trySplit=0):
        raised = self._raised(canv, flowable)
        if raised is None:
            return Frame._add(self, flowable, canv, trySplit)
        doc, numbers = raised
        if not doc.notes_fit(numbers) and doc.predicted.get(doc.page):
            return 0
        saved = self._y1p
        self._y1p = self._y1 + self._bottomPadding + doc.room_for(numbers)
        if Frame._add(self, flowable, canv, trySplit):
            doc.predicted[doc.page] = numbers
            return 1
        self._y1p = saved
        return 0

    add = _add

    def split(self, flowable, canv):
        raised = self._raised(canv, flowable)
        if raised is None:
            return Frame.split(self, flowable, canv)
        doc, numbers = raised
        placed = doc.predicted.get(doc.page, _NONE)
        if isinstance(flowable, (RLParagraph, Table)):
            # A paragraph or table split where the page's room ends: when the part left on this page cites
            # no new note, that is the split; else it is split again above the room of the notes it cited
            # (a shorter first part cites no more of them, so it then fits with its notes).
            parts = Frame.split(self, flowable, canv)
            if not parts:
                return parts
            first = footnotes_in(parts[0])
            if first <= placed:
                return parts
            numbers = placed | first
        if not doc.notes_fit(numbers) and placed:
            return []
        # A group kept together (or the second try above) is measured against the room of its notes.
        saved = self._y1p
        self._y1p = self._y1 + self._bottomPadding + doc.room_for(numbers)
        try:
            return Frame.split(self, flowable, canv)
        finally:
            self._y1p = saved
