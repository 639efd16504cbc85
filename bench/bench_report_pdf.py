"""P1: the monthly report rendered to PDF in process, against LibreOffice turning the same report's DOCX
into PDF (when `soffice` is installed), in the same run.

    PYTHONPATH=$PWD .venv/bin/python bench/bench_report_pdf.py [--profile]

Builds the demo commune in a temp folder and takes its draft monthly report (the month of the demo's day).
Ours: `ReportService.write_pdf` — the document built from the database and rendered with reportlab,
written to a file — the first time in the process (fonts registered, modules imported) and then the best
of 5. Baseline: `ReportService.write_docx`, then `soffice --headless --convert-to pdf` in a fresh process
(best of 3, after one run that sets up LibreOffice's profile folder). Prints seconds and the ratio.
`--profile` prints where the in-process render spends its time (cProfile, top 25).
"""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from danvan_desktop.domain.periods import Period

TODAY = dt.date(2026, 11, 21)


def best(fn, runs: int) -> float:
    times = []
    for _i in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    from danvan_desktop.services.demo.commune import build_demo
    folder = Path(tempfile.mkdtemp(prefix="danvan-bench-pdf-"))
    services = build_demo(folder / "demo.sqlite3", today=TODAY)
    report = services.reports.current_for(Period.containing(TODAY).code)
    assert report is not None, "the demo has a draft for its month"
    pdf = folder / "ours.pdf"
    started = time.perf_counter()
    services.reports.write_pdf(report.id, pdf)
    cold = time.perf_counter() - started
    warm = best(lambda: services.reports.write_pdf(report.id, pdf), 5)
    print(f"monthly report {report.period} ({pdf.stat().st_size / 1024:.0f} KB PDF)")
    print(f"in process: first {cold:.3f} s, then best of 5 {warm:.3f} s")
    if "--profile" in sys.argv:
        profiler = cProfile.Profile()
        profiler.runcall(services.reports.write_pdf, report.id, pdf)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: no baseline (apt-get install libreoffice-writer-nogui)")
        services.close()
        return
    docx = folder / "report.docx"
    services.reports.write_docx(report.id, docx)
    profile = (folder / "lo-profile").as_uri()

    def convert() -> None:
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder / "lo"), str(docx)], check=True, capture_output=True)

    convert()                         # LibreOffice's first start builds its profile folder: not counted
    theirs = best(convert, 3)
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"LibreOffice DOCX → PDF ({version}): best of 3 {theirs:.3f} s")
    print(f"ratio in process / LibreOffice: {warm / theirs:.3f} (first render in the process: {cold / theirs:.3f})")
    services.close()


if __name__ == "__main__":
    main()
