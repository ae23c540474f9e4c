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


def test_subjects_listed_with_a_semicolon_over_a_line_break() -> None:
    """ "3. Các bộ, ...;" / "Ủy ban nhân dân các tỉnh, ... và các cơ quan thanh tra căn cứ ...":
    one sentence whose subjects a web copy broke after the ";"."""
    part = (
        "3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n"
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các cơ quan thanh\n"
        "tra căn cứ chức năng, nhiệm vụ được giao khẩn trương triển khai các nhiệm vụ nêu trên,\n"
        "chịu trách nhiệm toàn diện trước Thủ tướng Chính phủ về việc chậm trễ triển khai.\n"
    )
    text = _DOC.format(of="thuộc").replace("3. Giao Bộ Tài chính", part + "4. Giao Bộ Tài chính")
    got = agencies(text)
    assert got["các cơ quan thanh tra"]["duties"] == 2
    assert got["ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]["duties"] == 2
    assert got["các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ"]["duties"] == 2


def test_the_honorific_before_the_offices_asked() -> None:
    """ "Đề nghị các đồng chí Bộ trưởng, ...", "Giao đồng chí Bộ trưởng Bộ X ...": the
    honorific (phrases:honorifics) is no part of the office or its body."""
    from kg.extract.duties.rules import lead_bodies

    for text, names in (
        (
            "Đề nghị các đồng chí Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ, Chủ tịch Ủy ban "
            "nhân dân các tỉnh, thành phố chỉ đạo quyết liệt.",
            ["Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ", "Ủy ban nhân dân các tỉnh, thành phố"],
        ),
        ("Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ đạo.", ["Bộ Xây dựng"]),
    ):
        lead = lead_bodies(text)
        assert lead is not None
        assert [text[b.start : b.end] for b in lead.bodies][-1].endswith(names[-1])
        assert len(lead.bodies) == len(names)
    assert lead_bodies("Đề nghị các đồng chí nghiên cứu, góp ý.") is None
