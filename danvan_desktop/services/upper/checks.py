"""`danvan check` at the upper level: each commune's records against that commune's own rules.

The commune rules were written for one commune's data; applied to the union of 200 communes they
report nonsense ("Khối hiện có 100 thành viên"). So each commune is checked through its own read-only
view of the file: a second connection whose temporary views shadow every travelling table with that
commune's rows only (SQLite resolves an unqualified name in `temp` first), and whose `unit_code`
setting is the commune's. Every line names the commune. The file's integrity is checked once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from danvan_desktop.domain.i18n import _
from danvan_desktop.domain.text import fold
from danvan_desktop.services.commune_checks import file_problems, rule_problems
from danvan_desktop.services.problems import Problem
from danvan_desktop.store.connection import connect
from danvan_desktop.store.database import Database, travelling_tables


def _scoped(db: Database, unit_code: str) -> Database:
    """A read-only Database that sees one commune's records only."""
    conn = connect(db.path, readonly=True)
    for table in travelling_tables(conn):
        conn.execute(f'CREATE TEMP VIEW "{table}" AS SELECT * FROM main."{table}" WHERE unit_code = ?'
                     .replace("?", "'" + unit_code.replace("'", "''") + "'"))
    conn.execute("CREATE TEMP TABLE settings AS SELECT * FROM main.settings")
    conn.execute("DELETE FROM temp.settings WHERE key IN ('unit_code', 'active_profile')")
    conn.execute("INSERT INTO temp.settings (key, value) VALUES ('unit_code', ?)", (unit_code,))
    return Database(conn, db.path)


def run_upper_checks(db: Database, today: dt.date) -> list:
    problems = list(file_problems(db))
    communes = sorted(db.conn.execute("SELECT code, name FROM units WHERE deleted = 0 AND code != ?",
                                      (db.unit_code,)).fetchall(), key=lambda r: fold(r[1]))
    if db.path is None or str(db.path) == ":memory:":
        return problems
    for code, name in communes:
        scoped = _scoped(db, code)
        try:
            for problem in rule_problems(scoped, today):
                problems.append(Problem(problem.kind, _("{commune} (mã {code}): {message}").format(
                    commune=name, code=code, message=problem.message)))
        except sqlite3.Error as exc:
            problems.append(Problem("integrity", _("{commune} (mã {code}): không kiểm tra được ({error}).").format(
                commune=name, code=code, error=exc)))
        finally:
            scoped.conn.close()
    return problems
