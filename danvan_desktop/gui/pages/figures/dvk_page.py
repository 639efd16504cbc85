"""Mô hình “Dân vận khéo”: the models, their form, and the year's progress against the target."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from danvan_desktop.domain.dvk import DvkField, DvkModel, Recognition
from danvan_desktop.domain.i18n import N_, _
from danvan_desktop.gui.events import DataEvents
from danvan_desktop.gui.models.filter_proxy import FoldedFilterProxy
from danvan_desktop.gui.models.record_table_model import Column, RecordTableModel
from danvan_desktop.gui.pages.figures.dvk_form import DvkForm
from danvan_desktop.gui.pages.list_page import ListPage
from danvan_desktop.gui.pages.spec import PageContext
from danvan_desktop.gui.theme import set_role, set_tone
from danvan_desktop.gui.widgets.record_table_view import record_table_view
from danvan_desktop.services.app import AppServices

ORGANISATIONS = (N_("Ủy ban MTTQ xã"), N_("Hội Cựu chiến binh xã"), N_("Hội Nông dân xã"), N_("Hội LHPN xã"),
                 N_("Đoàn TNCS Hồ Chí Minh xã"), N_("Công an xã"), N_("Ban CHQS xã"), N_("UBND xã"))


class ProgressCard(QWidget):
    """“2/3 mô hình mới năm 2026” with a bar; red while behind the target."""

    def __init__(self, services: AppServices, navigate=None, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        layout = QHBoxLayout(self)
        self.label = QLabel()
        set_role(self.label, "section")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(260)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        if navigate is not None:
            button = QPushButton(_("Xem mô hình"))
            button.clicked.connect(lambda: navigate("models"))
            layout.addWidget(button)
        layout.addStretch(1)

    def load(self, services: AppServices):
        return services.dvk.progress()

    def refresh(self) -> None:
        self.show_figures(self.load(self.services))

    def show_figures(self, p) -> None:
        self.label.setText(_("Mô hình “Dân vận khéo” mới năm {year}: {new}/{target} (đã công nhận {rec})").format(
            year=p.year, new=p.new, target=p.target, rec=p.recognised))
        self.bar.setRange(0, max(p.target, p.new, 1))
        self.bar.setValue(p.new)
        set_tone(self.label, "ok" if p.reached else "bad")


class DvkPage(ListPage):
    CHANGED = "dvk_models"

    def __init__(self, services: AppServices, undo: QUndoStack, events: DataEvents, parent=None) -> None:
        super().__init__(undo, events, parent)
        self.services = services
        self.service = services.dvk
        layout = QVBoxLayout(self)
        self.progress = ProgressCard(services)
        layout.addWidget(self.progress)
        self.filter = self.search_box(_("Tìm theo tên mô hình, chủ thể… (Ctrl+F)"))
        layout.addWidget(self.filter)
        self.model = RecordTableModel([
            Column(_("Năm"), lambda m: m.year),
            Column(_("Tên mô hình"), lambda m: m.name),
            Column(_("Lĩnh vực"), lambda m: DvkField(m.field).label),
            Column(_("Chủ thể"), lambda m: m.owner_name),
            Column(_("Công nhận"), lambda m: Recognition(m.recognition).label,
                   lambda m: ["registered", "commune", "upper"].index(m.recognition)),
        ], self)
        self.model.search_text = lambda m: f"{m.name} {m.owner_name} {m.results}"
        self.proxy = FoldedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = record_table_view(self.proxy)
        self.form = DvkForm()
        layout.addWidget(self.beside(self.form, (720, 420)), 1)
        self.filter.textChanged.connect(self.proxy.set_query)
        self.wire(new=self.new_model, save=self.save, delete=self.delete_current, find=self.filter, form=self.form)
        self.refresh()

    def refresh(self, select_id: str | None = None) -> None:
        today = self.services.today()
        self.form.set_owners([(v.id, v.label) for v in self.services.villages.list()],
                             [(m.id, m.full_name) for m in self.services.roster.current(today)],
                             [_(o) for o in ORGANISATIONS])
        self.model.set_rows(self.service.list())
        self.progress.refresh()
        if select_id and self.select(select_id):
            return
        self.form.load(None, today)

    def current(self) -> DvkModel | None:
        return self.current_record()

    def show_record(self, model: DvkModel | None) -> None:
        self.form.load(model, self.services.today())

    def new_model(self) -> None:
        self.start_new(self.form.name)

    def save(self) -> None:
        self.save_record(lambda: self.service.save(self.form.model()),
                         lambda saved: _("Đã lưu mô hình «{name}».").format(name=saved.name))

    def delete_current(self) -> None:
        model = self.current()
        if model is None:
            return
        self.delete_with_undo(
            model, title=_("Xóa mô hình"),
            question=_("Xóa mô hình «{name}»? Có thể hoàn tác bằng Ctrl+Z.").format(name=model.name),
            undo_text=_("Xóa mô hình"), done=_("Đã xóa mô hình «{name}». Nhấn Ctrl+Z để hoàn tác.").format(
                name=model.name),
            delete=lambda: self.service.delete(model.id), restore=lambda: self.service.restore(model.id))


def _factory(ctx: PageContext) -> QWidget:
    return DvkPage(ctx.services, ctx.undo, ctx.events)
