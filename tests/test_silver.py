"""The silver check reads headers on its own and counts what records get right."""

from __future__ import annotations

from kg.silver import check, printed

HEADER = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
Số:
02124/QĐ-UBND
Sơn La, ngày 3 tháng 9 năm 2025
QUYẾT ĐỊNH
Về việc giao nhiệm vụ
Sở Y tế chủ trì thực hiện.
"""


def test_printed_reads_number_on_next_line_date_and_type():
    p = printed(HEADER)
    assert p.number == "02124/QĐ-UBND"
    assert p.date == "2025-09-03"
    assert p.type == "Quyết định"


def test_kinh_gui_without_type_line_is_a_cong_van():
    assert printed("Số: 5/UBND-VX\nV/v abc\nKính gửi: Sở Y tế\n").type == "Công văn"


def test_check_counts_right_and_wrong_fields(tmp_path):
    (tmp_path / "a.txt").write_text(HEADER, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HEADER, encoding="utf-8")
    good = {
        "file": "x/a.txt",
        "document": {
            "number": "2124/QD-UBND",
            "date": "2025-09-03",
            "type": "Quyết định",
            "issuer": "Ủy ban nhân dân tỉnh Sơn La",
            "signer": "A",
        },
        "assignments": [{"agency": "Sở Y tế", "duties": 1}],
    }
    bad = {"file": "b.txt", "document": {"number": None, "date": "2025", "type": None}}
    rep = check(tmp_path, [good, bad])
    s = rep.summary()
    assert s["texts"] == 2 and s["num_ok"] == 1 and s["date_ok"] == 1 and s["type_ok"] == 1
    assert s["work_texts"] == 2 and s["work_no_assign"] == 1
    assert s["issuer_cov"] == 0.5
    assert rep.by_type["Quyết định"]["texts"] == 2
    assert {f for f, _ in rep.problems} == {"b.txt"}
