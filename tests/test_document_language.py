"""Documents are Vietnamese whatever the screen speaks, without switching the screen's language."""

from __future__ import annotations

import threading

from danvan_desktop.domain.i18n import _, language, set_language, vietnamese


def test_a_document_built_on_a_worker_thread_never_changes_the_screens_language():
    set_language("en")
    inside, seen_by_screen = threading.Event(), []
    release = threading.Event()

    def worker():
        with vietnamese():
            inside.set()
            release.wait(5)
            seen_by_worker.append(_("Số liệu"))

    seen_by_worker: list[str] = []
    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    seen_by_screen.append((language(), _("Số liệu")))   # the screen while the worker builds a document
    release.set()
    thread.join(5)
    assert seen_by_screen == [("en", "Figures")] and seen_by_worker == ["Số liệu"]
    assert language() == "en"


def test_report_settings_saved_in_english_print_vietnamese(services):
    from danvan_desktop.services.report import settings as report_settings
    set_language("en")
    defaults = report_settings.load(services.db, services.today())
    assert defaults.authority == "T/M KHỐI DÂN VẬN" and defaults.post == "TRƯỞNG KHỐI"
    report_settings.save(services.db, defaults)                  # what the dialog does on OK
    # an older version stored the English words: they come back as the Vietnamese defaults
    services.db.set_setting("report_signer_authority", "T/M MASS-MOBILISATION BLOC")
    services.db.set_setting("report_signer_post", "HEAD OF THE BLOC")
    report = services.reports.create_draft("2026-10")
    assert (report.signer_authority, report.signer_post) == ("T/M KHỐI DÂN VẬN", "TRƯỞNG KHỐI")
    assert language() == "en"
