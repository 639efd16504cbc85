"""The calendar tab, and the dashboard's count-down of the next deadlines (rules from settings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.widgets.record_table_view import record_table_view


class RulesEditor(QWidget):
    """The calendar's rules as a table: on/off, the work, the day, the months (empty: every month)."""

    def __init__(self, work, parent=None) -> None:
        super().__init__(parent)
        self.work = work
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Công việc"), _("Ngày"), _("Tháng (bỏ trống: hằng tháng)"),
                                              _("Căn cứ")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.save_button = QPushButton(_("Lưu quy định hạn"))
        self.status = FormStatus()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.load()

    def load(self) -> None:
        self.rules = self.work.calendar.rules()
        self.table.setRowCount(len(self.rules))
        for r, rule in enumerate(self.rules):
            name = QTableWidgetItem(_(rule.name))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
            basis = QTableWidgetItem(_(rule.basis))
            basis.setFlags(basis.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, name)
            self.table.setItem(r, 1, QTableWidgetItem(str(rule.day)))
            self.table.setItem(r, 2, QTableWidgetItem(", ".join(str(m) for m in rule.months)))
            self.table.setItem(r, 3, basis)

    def save(self) -> bool:
        try:
            for r, rule in enumerate(self.rules):
                rule.enabled = self.table.item(r, 0).checkState() == Qt.CheckState.Checked
                rule.day = int(self.table.item(r, 1).text().strip())
                text = self.table.item(r, 2).text().replace(";", ",")
                rule.months = [int(m) for m in text.split(",") if m.strip()]
            self.work.calendar.save_rules(self.rules)
        except ValueError:
            self.status.error(_("Ngày và tháng phải là số (tháng cách nhau bằng dấu phẩy)."))
            return False
        except RuleError as exc:
            self.status.error(str(exc))
            return False
        self.status.ok(_("Đã lưu quy định hạn."))
        return True


class CalendarTab(QWidget):
    def __init__(self, services, work, events=None, parent=None) -> None:
        super().__init__(parent)
        self.work = work
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Các hạn công việc từ đầu tháng đến 90 ngày tới")), 1)
        self.rules_button = QPushButton(_("Quy định hạn…"))
        self.rules_button.setCheckable(True)
        top.addWidget(self.rules_button)
        layout.addLayout(top)
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
        self.rules = RulesEditor(work)
        self.rules.hide()
        layout.addWidget(self.rules, 1)
        self.rules_button.toggled.connect(self.rules.setVisible)
        self.rules.save_button.clicked.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.work.calendar.lines(days=90))


class DeadlinesCard(QWidget):
    """Dashboard: the next deadlines with their count-down."""

    def __init__(self, services, navigate=None, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self._work = None
        layout = QVBoxLayout(self)
        title = QHBoxLayout()
        heading = QLabel(_("Hạn sắp tới"))
        set_role(heading, "subheading")
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

    @property
    def work(self):
        """The year's work services, made at the first refresh (after the window's first paint), not with the card."""
        if self._work is None:
            from danvan_desktop.services.yearwork import YearWork
            self._work = YearWork.of(self.services)
        return self._work

    def prepare(self) -> None:
        # The approved plan's items become tasks when their month comes: the dashboard is where the month
        # is first seen (as the recurring tasks are extended there too). Once per item and month. A write:
        # on the GUI thread, before the figures are read.
        try:
            self.work.plans.bring_due()
        except RuleError:
            pass

    def load(self, services) -> list:
        from danvan_desktop.services.yearwork import YearWork
        return YearWork.of(services).calendar.upcoming(5)

    def refresh(self) -> None:
        self.prepare()
        self.show_figures(self.work.calendar.upcoming(5))

    def show_figures(self, rows: list) -> None:
        if not rows:
            self.lines.setText(_("Không có hạn nào trong 60 ngày tới."))
            return
        html = []
        for line in rows:
            colour = "#b3261e" if line.days_left <= 3 else "#1f4e79"
            html.append(f"<span style='color:{colour}; font-weight:bold;'>{line.countdown_text()}</span> — "
                        f"{short_date(line.deadline.day)}: {line.name}")
        self.lines.setText("<br>".join(html))
