"""A Prime Minister's telegram (Công điện, issue 10 class f): its numbered parts name their own
bodies in the forms NĐ 30/2020 addresses ministries and provinces with ("Bộ trưởng, Thủ trưởng
cơ quan ngang bộ, cơ quan (trực) thuộc Chính phủ", "Chủ tịch Ủy ban nhân dân các tỉnh, thành
phố trực thuộc trung ương"), and the inspection bodies as one collective ("Cơ quan thanh tra
khẩn trương ..."). Snippets are hand-written."""

from __future__ import annotations

from snippets import agencies

_DOC = (
    "THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 9/CĐ-TTg\n\nHà Nội, ngày 26 tháng 11 năm 2025\n\n"
    "CÔNG ĐIỆN\nVề việc hoàn thành rà soát các dự án\n\n"
    "THỦ TƯỚNG CHÍNH PHỦ điện:\n"
    "- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n"
    "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n"
    "Để thực hiện hiệu quả kết luận của Bộ Chính trị, Thủ tướng Chính phủ yêu cầu:\n"
    "1. Cơ quan thanh tra khẩn trương hoàn thành việc thanh tra trước ngày 26/11/2025.\n"
    "2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan {of} Chính phủ, Chủ tịch Ủy ban nhân "
    "dân các tỉnh, thành phố trực thuộc trung ương chủ trì khẩn trương hoàn thành việc cập "
    "nhật các dự án.\n"
    "3. Giao Bộ Tài chính đôn đốc các bộ, cơ quan, địa phương khẩn trương triển khai thực "
    "hiện Công điện này./.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT, CN.\n\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nNguyễn Văn A\n"
)


def test_each_part_goes_to_the_bodies_it_names() -> None:
    for of in ("thuộc", "trực thuộc"):
        got = agencies(_DOC.format(of=of))
        assert got["các cơ quan thanh tra"]["duties"] == 1
        for key in (
            "các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ",
            "ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
        ):
            assert got[key]["duties"] == 1 and got[key]["leads"]
        assert got["bộ tài chính"]["duties"] == 1
