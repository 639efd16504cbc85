"""The report as files: PDF text, fonts and layout read back from the PDF; the DOCX opened with python-docx;
`danvan report` end to end. Skipped only while the shared renderers are not in this build."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

pytest.importorskip("danvan_desktop.render.pdf")
pypdf = pytest.importorskip("pypdf")

from danvan_desktop.cli import main


def _pdf_text(path) -> str:
    reader = pypdf.PdfReader(str(path))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def demo_db(tmp_path):
    from danvan_desktop.services.demo.commune import build_demo
    path = tmp_path / "demo.sqlite3"
    build_demo(path).close()   # dated by the pinned clock
    return path


def test_cli_renders_an_approved_month_as_pdf_and_docx(demo_db, tmp_path, capsys):
    import docx
    pdf, word = tmp_path / "r.pdf", tmp_path / "r.docx"
    assert main(["report", "--db", str(demo_db), "--period", "2026-10", "--pdf", str(pdf), "--docx", str(word),
                 "--approved"]) == 0
    text = " ".join(_pdf_text(pdf).split())
    for expected in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG ỦY XÃ YÊN PHÚ", "KHỐI DÂN VẬN", "Số 15-BC/DV", "BÁO CÁO",
                     "tình hình Nhân dân và kết quả công tác dân vận tháng 10 năm 2026", "I- TÌNH HÌNH NHÂN DÂN",
                     "II- KẾT QUẢ CÔNG TÁC DÂN VẬN", "V- ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "T/M KHỐI DÂN VẬN",
                     "TRƯỞNG KHỐI", "Lê Văn Thắng", "Một số chỉ tiêu chủ yếu"):
        assert expected in text, expected
    assert "DỰ THẢO" not in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Helvetica" not in fonts and all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])
    document = docx.Document(str(word))
    body = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)
    assert "I- TÌNH HÌNH NHÂN DÂN" in body and "Lê Văn Thắng" in cells + body
    assert "Đơn thư tiếp nhận" in cells


def test_approved_flag_refuses_a_draft_and_a_draft_is_marked(demo_db, tmp_path, capsys):
    assert main(["report", "--db", str(demo_db), "--period", "2026-11", "--pdf", str(tmp_path / "x.pdf"),
                 "--approved"]) == 1
    assert "chưa được duyệt" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert main(["report", "--db", str(demo_db), "--period", "2026-11", "--pdf", str(tmp_path / "d.pdf")]) == 0
    assert "DỰ THẢO" in _pdf_text(tmp_path / "d.pdf")


def test_quarter_is_drafted_on_demand_and_numbers_appear_in_the_pdf(demo_db, tmp_path):
    pdf = tmp_path / "q.pdf"
    assert main(["report", "--db", str(demo_db), "--period", "2026-Q3", "--kind", "quarterly",
                 "--pdf", str(pdf)]) == 0
    text = " ".join(_pdf_text(pdf).split())
    assert "sơ kết công tác dân vận quý III năm 2026" in text
    assert "Cùng kỳ năm trước" in text        # the demo has typed figures for 2025 too


def test_approving_keeps_the_pdf_and_later_prints_are_the_same_bytes(services, tmp_path):
    from danvan_desktop.domain.members import BlocMember
    services.roster.save(BlocMember(full_name="Lê Văn Thắng", post_code="pbt_tt", bloc_role="head",
                                    start_date=dt.date(2025, 10, 20)))
    report = services.reports.create_draft("2026-10")
    services.reports.take_number(report.id)
    approved = services.reports.approve(report.id, "Lê Văn Thắng")
    assert approved.pdf_sha256
    kept = services.reports.approved_pdf(report.id)
    services.reports.write_pdf(report.id, tmp_path / "a.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == kept
    assert "Số 01-BC/DV" in _pdf_text(tmp_path / "a.pdf")


def test_preview_dialog_shows_every_page(qtbot, services):
    from danvan_desktop.gui.pages.report.report_preview import PdfPreviewDialog
    from danvan_desktop.services.documents.printing import document_pdf
    report = services.reports.create_draft("2026-10")
    data = document_pdf(services.reports.document(report.id))
    dialog = PdfPreviewDialog("x", data)
    qtbot.addWidget(dialog)
    assert dialog.page_count() == len(pypdf.PdfReader(__import__("io").BytesIO(data)).pages) >= 2


def test_state_layout_prints_the_state_header(services, tmp_path):
    services.documents.set_layout_code("ND30-2020")
    report = services.reports.create_draft("2026-10")
    services.reports.take_number(report.id)
    services.reports.write_pdf(report.id, tmp_path / "s.pdf")
    text = " ".join(_pdf_text(tmp_path / "s.pdf").split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Số: 01/BC-DV" in text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in text
