"""Tổng quan at the upper level: for the month the communes are reporting on, who is late or missing, the hot
spots still open across the communes and the keys trusted on first sight — each card one click from its detail."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.card import Card
from danvan_desktop.services.app import AppServices

NAMED = 8     # communes named under the cards before "…"


def _names(names: list[str]) -> str:
    return ", ".join(names[:NAMED]) + (_(" và {n} xã khác").format(n=len(names) - NAMED) if len(names) > NAMED else "")


class UpperDashboardSection(QWidget):
    def __init__(self, services: AppServices, navigate, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.navigate = navigate
        self.active = services.setup.unit().level == "upper"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        set_role(self.title, "section")
        layout.addWidget(self.title)
        grid = QGridLayout()
        layout.addLayout(grid)
        self.late = Card(_("xã gửi trễ hạn"), lambda: self._open("completeness"))
        self.missing = Card(_("xã quá hạn chưa gửi"), lambda: self._open("completeness"))
        self.hot = Card(_("điểm nóng ở các xã đang theo dõi, giải quyết"), lambda: self._open("consolidated"))
        self.keys = Card(_("khóa của xã mới tin cậy trong 30 ngày (hãy gọi điện xác minh mã nhận dạng)"),
                         lambda: self.navigate("exchange", tab="batches"))
        for i, card in enumerate((self.late, self.missing, self.hot, self.keys)):
            grid.addWidget(card, 0, i)
        self.names = QLabel()
        self.names.setWordWrap(True)
        layout.addWidget(self.names)
        self.period = None
        self.setVisible(self.active)

    def _open(self, tab: str) -> None:
        self.navigate("exchange", tab=tab, period=self.period.code if self.period else None)

    def load(self, services: AppServices):
        return services.exchange.upper.overview() if self.active else None

    def refresh(self) -> None:
        self.show_figures(self.load(self.services))

    def show_figures(self, view) -> None:
        if view is None:
            return
        self.period = view.period
        label = view.period.label()
        self.title.setText(_("Các xã — báo cáo {period} (hạn {due})").format(period=label, due=short_date(view.due)))
        self.late.set_value(len(view.late), warn=bool(view.late))
        self.missing.set_value(len(view.missing), warn=bool(view.missing))
        self.hot.set_value(view.open_hot_spots, warn=view.open_hot_spots > 0)
        self.hot.caption.setText(_("điểm nóng đang theo dõi, giải quyết ở {n} xã").format(n=view.hot_spot_communes))
        self.keys.set_value(view.new_keys, warn=view.new_keys > 0)
        lines = []
        if view.missing:
            lines.append(_("Quá hạn chưa gửi: {names}.").format(names=_names(view.missing)))
        if view.late:
            lines.append(_("Gửi trễ: {names}.").format(names=_names(view.late)))
        self.names.setText("\n".join(lines))
        self.names.setVisible(bool(lines))
