"""Vietnamese alphabetical order (domain/collation.py), in lists and in SQL."""

from __future__ import annotations

import random

from danvan_desktop.domain.collation import ALPHABET, vi_compare, vi_key
from danvan_desktop.domain.text import person_sort_key


def test_letters_in_the_vietnamese_order():
    words = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ",
             "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"]
    shuffled = words[:]
    random.Random(4).shuffle(shuffled)
    assert sorted(shuffled, key=vi_key) == words
    assert ALPHABET.index("đ") == ALPHABET.index("d") + 1


def test_d_stroke_comes_after_d_and_before_e_not_after_z():
    names = ["Zương", "Đào", "Dung", "Em", "Đinh", "Duy"]
    assert sorted(names, key=vi_key) == ["Dung", "Duy", "Đào", "Đinh", "Em", "Zương"]


def test_tones_count_only_after_the_letters():
    assert sorted(["Bình", "Ánh"], key=vi_key) == ["Ánh", "Bình"]
    assert sorted(["Ánh", "Anh", "Ạnh", "Ảnh", "Ãnh", "Ành"], key=vi_key) == \
        ["Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh"]
    assert sorted(["Ánh", "Anh Đào", "Ân"], key=vi_key) == ["Ánh", "Anh Đào", "Ân"]   # letters first


def test_case_and_composition_do_not_change_the_order():
    assert vi_key("nguyễn văn an")[:2] == vi_key("Nguyễn Văn An")[:2]
    decomposed = "Nguye\u0302\u0303n"
    assert vi_key(decomposed) == vi_key("Nguyễn")
    assert vi_compare("Đào", "Dung") == 1 and vi_compare("An", "An") == 0 and vi_compare("An", "Ân") == -1


def test_people_sort_by_given_name_then_the_whole_name():
    people = ["Trần Văn Đức", "Nguyễn Thị Ánh", "Lê Văn Bình", "Phạm Thị Dung", "Hoàng Ánh"]
    assert sorted(people, key=person_sort_key) == \
        ["Hoàng Ánh", "Nguyễn Thị Ánh", "Lê Văn Bình", "Phạm Thị Dung", "Trần Văn Đức"]


def test_sqlite_orders_names_with_the_same_key(tmp_path):
    from danvan_desktop.store.connection import connect
    conn = connect(tmp_path / "x.sqlite3")
    conn.execute("CREATE TABLE t (name TEXT)")
    names = ["Zô", "Đông", "Dương", "Ánh", "Bình", "Anh"]
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in names])
    ordered = [r[0] for r in conn.execute("SELECT name FROM t ORDER BY name COLLATE VI")]
    assert ordered == ["Anh", "Ánh", "Bình", "Dương", "Đông", "Zô"] == sorted(names, key=vi_key)
    conn.close()
