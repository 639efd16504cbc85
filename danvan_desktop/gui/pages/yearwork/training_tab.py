"""The training record tab: sessions (when, by whom, on what) and who attended, bloc and team members."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from danvan_desktop.domain.formats import short_date
from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.records import RuleError
from danvan_desktop.domain.yearwork import Training
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.theme import set_role
from danvan_desktop.gui.widgets.checklist import checked_keys, fill_checklist
from danvan_desktop.gui.widgets.date_field import DateField
from danvan_desktop.gui.widgets.form_status import FormStatus
from danvan_desktop.gui.widgets.record_table_view import record_table_view


def _checklist() -> QListWidget:
    widget = QListWidget()
    widget.setMinimumHeight(90)
    return widget


class TrainingTab(ListPage):
    """A list page without keys of its own (a tab of the year's work)."""
    CHANGED = "trainings"

    def __init__(self, services, work, events, parent=None) -> None:
        super().__init__(None, events, parent)
        self.services, self.work = services, work
        self.current: Training | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)          # wraps at 14 pt rather than widen the page
        set_role(self.summary, "subheading")
        layout.addWidget(self.summary)
        self.model = RecordTableModel([
            Column(_("Ngày"), lambda t: short_date(t.held_on), lambda t: t.held_on),
            Column(_("Nội dung"), lambda t: t.topic),
            Column(_("Đơn vị tổ chức"), lambda t: t.organiser),
            Column(_("Thành viên khối"), lambda t: len(t.member_ids), align_right=True),
            Column(_("Thành viên tổ dân vận"), lambda t: len(t.team_member_ids), align_right=True),
        ], self)
        self.table = record_table_view(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        form_box = QWidget()
        form = QFormLayout(form_box)
        self.held_on = DateField(optional=False)
        self.topic = QLineEdit()
        self.organiser = QLineEdit()
        self.place = QLineEdit()
        self.bloc = _checklist()
        self.team = _checklist()
        form.addRow(_("Ngày tập huấn"), self.held_on)
        form.addRow(_("Nội dung"), self.topic)
        form.addRow(_("Đơn vị tổ chức"), self.organiser)
        form.addRow(_("Địa điểm"), self.place)
        form.addRow(_("Thành viên khối"), self.bloc)
        form.addRow(_("Thành viên tổ dân vận"), self.team)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(_("Lưu buổi tập huấn"))
        self.new_button = QPushButton(_("Thêm buổi tập huấn"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.new_button)
        form.addRow(buttons)
        self.status = FormStatus()
        form.addRow(self.status)
        form_box.setMaximumWidth(440)
        layout.addWidget(self.beside(form_box), 1)
        self.save_button.clicked.connect(self.save)
        self.new_button.clicked.connect(lambda: self.load(None))
        self.wire(new=None, keys=False)
        self.refresh()

    def show_record(self, training: Training | None) -> None:
        self.load(training)

    def refresh(self) -> None:
        self.model.set_rows(self.work.training.list())
        year = self.services.today().year
        score = {s.target.code: s for s in self.work.scorecard.scores(year)}
        parts = [f"{_(score[c].target.name)}: {score[c].value_text()}" for c in ("members_trained",
                                                                                   "team_members_trained")
                 if c in score]
        self.summary.setText(" · ".join(parts))
        self.load(None)

    def load(self, training: Training | None) -> None:
        self.current = training
        t = training or Training(held_on=self.services.today())
        self.held_on.set_value(t.held_on)
        self.topic.setText(t.topic)
        self.organiser.setText(t.organiser)
        self.place.setText(t.place)
        today = self.services.today()
        fill_checklist(self.bloc, [(m.id, m.full_name) for m in self.services.roster.current(today)], t.member_ids)
        villages = {v.id: v.name for v in self.services.villages.list()}
        team = [(m.id, f"{m.full_name} — {villages.get(vid, '')}") for vid in villages
                for m in self.services.teams.members(vid)]
        fill_checklist(self.team, team, t.team_member_ids)
        self.status.clear_status()

    def save(self) -> None:
        t = self.current or Training()
        t.held_on, t.topic = self.held_on.value(), self.topic.text()
        t.organiser, t.place = self.organiser.text(), self.place.text()
        t.member_ids, t.team_member_ids = checked_keys(self.bloc), checked_keys(self.team)
        try:
            self.work.training.save(t)
        except RuleError as exc:
            self.status.error(str(exc))
            return
        self.refresh()
        self.status.ok(_("Đã lưu buổi tập huấn."))
        self.announce()
