"""Text as it enters and is searched: NFC, folding for search only, names told apart by their marks,
and pasted lists of names from Word, Excel or a numbered list."""

from __future__ import annotations

import unicodedata

from danvan_desktop.domain.text import (
    clean,
    clean_multiline,
    fold,
    matches,
    name_key,
    person_sort_key,
    split_names,
)


def test_clean_stores_nfc_and_collapses_spaces():
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Thị\tHương ")
    assert clean(decomposed) == "Nguyễn Thị Hương"
    assert unicodedata.is_normalized("NFC", clean(decomposed))
    assert clean(None) == ""
    assert clean_multiline("Dòng một  \r\nDòng hai\n\n") == "Dòng một\nDòng hai"


def test_fold_is_for_search():
    assert fold("Đảng Ủy XÃ Yên Phú") == "dang uy xa yen phu"
    assert matches("dang uy", "ĐẢNG ỦY XÃ YÊN PHÚ")
    assert matches("huong 0983", "Nguyễn Thị Hương", "0983 112 457")
    assert not matches("huong 0912", "Nguyễn Thị Hương", "0983 112 457")


def test_names_differ_by_their_marks_not_their_case():
    assert name_key("nguyễn  thị HƯƠNG") == name_key("Nguyễn Thị Hương")
    assert name_key("Nguyễn Thị Hướng") != name_key("Nguyễn Thị Hương")
    assert name_key("Đồng Hòa") != name_key("Đông Hòa")


def test_people_sort_by_given_name():
    names = ["Nguyễn Đức Anh", "Lê Văn Thắng", "Đỗ Thị Lan", "Trịnh Đình Khải", "Hoàng Văn Bình"]
    assert sorted(names, key=person_sort_key) == ["Nguyễn Đức Anh", "Hoàng Văn Bình", "Trịnh Đình Khải",
                                                  "Đỗ Thị Lan", "Lê Văn Thắng"]


def test_split_names_drops_numbering_and_bullets():
    pasted = "1. Thôn Đông Hòa\n2) Thôn Phú Lâm\n3/ Yên Lạc\n  - Trung Hòa\n• Đồng Tâm\n* Tân Lập\na) Bái Thượng\n"
    assert split_names(pasted) == ["Thôn Đông Hòa", "Thôn Phú Lâm", "Yên Lạc", "Trung Hòa", "Đồng Tâm",
                                   "Tân Lập", "Bái Thượng"]


def test_split_names_keeps_numbers_that_are_part_of_a_name():
    assert split_names("Thôn 1\nThôn 2\nTổ dân phố số 3\nKhu phố 10") == ["Thôn 1", "Thôn 2", "Tổ dân phố số 3",
                                                                          "Khu phố 10"]


def test_split_names_from_an_excel_table_takes_the_name_column():
    pasted = "STT\tTên thôn\tSố hộ\n1\tĐông Hòa\t312\n2\tPhú Lâm\t287\n\n3\tYên Lạc\t190\n"
    assert split_names(pasted) == ["Đông Hòa", "Phú Lâm", "Yên Lạc"]


def test_split_names_on_one_line_and_duplicates():
    assert split_names("Đông Hòa; Phú Lâm, Yên Lạc;; đông hòa ; Đồng Hòa") == ["Đông Hòa", "Phú Lâm", "Yên Lạc",
                                                                              "Đồng Hòa"]
    assert split_names("\r\n  \n") == []


def test_a_numbered_list_of_any_names_comes_back_as_the_names():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyÁÀẢÃẠĐÊỆƯỜNGHÒAáàảãạếềểễệốồổỗộứừửữựýỳỷỹỵ"
    word = st.text(alphabet=letters, min_size=2, max_size=7)   # a lone "o" is a Word sub-bullet
    name = st.lists(word, min_size=1, max_size=4).map(" ".join)

    @settings(max_examples=80, deadline=None)
    @given(st.lists(name, min_size=1, max_size=12, unique_by=name_key),
           st.sampled_from(["{i}. {n}", "{i}) {n}", "- {n}", "• {n}", "{n}", "{i}\t{n}\t{i}0"]))
    def check(names, pattern):
        pasted = "\n".join(pattern.format(i=i, n=n) for i, n in enumerate(names, start=1))
        assert split_names(pasted) == names

    check()
