"""The calendar tab, and the dashboard's count-down of the next deadlines (rules from settings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.widgets.record_table_view import record_table_view


class CalendarTab(QWidget):
    def __init__(self, services, work, events=None, parent=None) -> None:
        super().__init__(parent)
        self.work = work
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Các hạn công việc từ đầu tháng đến 90 ngày tới (theo quy định trong Cài đặt)")))
        self.model = RecordTableModel([
            Column(_("Hạn"), lambda c: short_date(c.deadline.day), lambda c: c.deadline.day),
            Column(_("Còn"), lambda c: c.countdown_text(), lambda c: c.days_left),
            Column(_("Công việc"), lambda c: c.name),
            Column(_("Căn cứ"), lambda c: _(c.deadline.rule.basis)),
        ], self)
        self.model.muted = lambda c: c.done
        self.model.warn = lambda c: not c.done and c.days_left < 0
        self.table = record_table_view(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.work.calendar.lines(days=90))


class DeadlinesCard(QWidget):
    """Dashboard: the next deadlines with their count-down."""

    def __init__(self, services, navigate=None, parent=None) -> None:
        super().__init__(parent)
        from danvan_desktop.services.yearwork import YearWork
        self.work = YearWork.of(services)
        layout = QVBoxLayout(self)
        title = QHBoxLayout()
        heading = QLabel(_("Hạn sắp tới"))
        heading.setStyleSheet("font-weight:bold; font-size:12pt;")
        title.addWidget(heading)
        title.addStretch(1)
        if navigate is not None:
            button = QPushButton(_("Xem lịch công việc"))
            button.clicked.connect(lambda: navigate("yearwork"))
            title.addWidget(button)
        layout.addLayout(title)
        self.lines = QLabel()
        self.lines.setWordWrap(True)
        layout.addWidget(self.lines)

    def refresh(self) -> None:
        rows = self.work.calendar.upcoming(5)
        if not rows:
            self.lines.setText(_("Không có hạn nào trong 60 ngày tới."))
            return
        html = []
        for line in rows:
            colour = "#b3261e" if line.days_left <= 3 else "#1f4e79"
            html.append(f"<span style='color:{colour}; font-weight:bold;'>{line.countdown_text()}</span> — "
                        f"{short_date(line.deadline.day)}: {line.name}")
        self.lines.setText("<br>".join(html))
