"""The executors clause in all its printings names who carries a text out, no work of theirs
(GUIDE); a clause that binds bodies (not their heads, nor persons) to the text, or gives them
work besides, is a duty."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.duties.rules import executors_only
from kg.models import SourceText
from kg.pipeline import extract_source

HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n-------\n\nSố: 77/QĐ-UBND\n\nSơn La, ngày 3 tháng 12 năm 2025\n\n"
    "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH KẾ HOẠCH\n\nỦY BAN NHÂN DÂN TỈNH SƠN LA\n\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\nQUYẾT ĐỊNH:\n\n"
    "Điều 1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tổ chức thực hiện kế hoạch.\n\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
)
TAIL = "\n\nNơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n"


def others(article: str) -> list[tuple[str, int]]:
    src = SourceText(Path("t.txt"), "t.txt", HEAD + article + TAIL, "utf-8", "0" * 64)
    record = extract_source(src)
    return [
        (a.body.name, len(a.duties)) for a in record.assignments if a.body.name != "Sở Tài chính"
    ]


@pytest.mark.parametrize(
    "article",
    [
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Tài chính, Nội vụ, Y tế; "
        "Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
        "Điều 3. Thủ trưởng các cơ quan, đơn vị và các tổ chức, cá nhân có liên quan chịu trách "
        "nhiệm tổ chức thực hiện Quyết định này./.",
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế, Chủ tịch Ủy ban nhân dân "
        "các xã, phường và các cơ quan, đơn vị, cá nhân có liên quan căn cứ Quyết định thi hành./.",
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế, Thủ trưởng các cơ quan, "
        "đơn vị liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.",
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, ngành tỉnh, Chủ tịch "
        "Ủy ban nhân dân các xã, phường và Thủ trưởng các cơ quan, đơn vị có liên quan tổ chức "
        "thực hiện Quyết định này./.",
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế, Thủ trưởng các cơ quan, "
        "đơn vị liên quan chịu trách nhiệm triển khai thực hiện Quyết định này./.",
        "Điều 3. Trách nhiệm thi hành\n\n1. Thủ trưởng các cơ quan, đơn vị, tổ chức chịu trách "
        "nhiệm trước Ủy ban nhân dân tỉnh về việc triển khai thực hiện Quyết định này trong phạm "
        "vi quản lý của mình.",
        "Điều 3. Trách nhiệm thi hành\n\n1. Thủ trưởng các cơ quan, tổ chức và các cán bộ, công "
        "chức, viên chức, người lao động liên quan có trách nhiệm thực hiện nghiêm túc Quyết định "
        "này.",
        # a decision taking effect on a later day names it in the clause
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Y tế và các cơ quan, đơn vị, "
        "tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày 01 "
        "tháng 3 năm 2026./.",
        # the document named before the verb, with the usual purpose after it (C4)
        "Điều 3. Tổ chức thực hiện\n\n1. Các cơ quan, đơn vị, địa phương căn cứ nội dung Quyết "
        "định để triển khai thực hiện nghiêm túc, đầy đủ, bảo đảm quyền lợi của người dân.",
    ],
)
def test_an_executors_clause_gives_no_work(article):
    assert others(article) == []


def test_bodies_given_work_besides_keep_their_duty_bound_to_the_text_none():
    bound = (
        "Điều 3. Tổ chức thực hiện\n\n1. Các sở, ban, ngành; Ủy ban nhân dân các xã, phường có "
        "trách nhiệm tổ chức triển khai thực hiện nghiêm túc Quyết định này."
    )
    # convention C4 (tests/data/real/ours/README.md): bound to carry the text out, no duty
    assert others(bound) == []
    point = "Điều 4. Trách nhiệm thi hành\n\n1. Cục Đăng kiểm Việt Nam có trách nhiệm:\n\n" + (
        "a) Tổ chức triển khai thực hiện Thông tư này.\n\nb) Tổ chức thực hiện việc tiếp nhận hồ sơ."
    )
    assert others(point) == [("Cục Đăng kiểm Việt Nam", 2)]  # a point of its own list: a task
    work = (
        "Điều 3. Trách nhiệm thi hành\n\n1. Giám đốc Sở Y tế chịu trách nhiệm hướng dẫn, kiểm tra "
        "và tổ chức thực hiện Quyết định này."
    )
    assert others(work) == [("Sở Y tế", 1)]


FORMULA = st.sampled_from(
    [
        "chịu trách nhiệm thi hành {t} này",
        "căn cứ {t} thi hành",
        "chịu trách nhiệm tổ chức thực hiện {t} này",
        "có trách nhiệm triển khai thực hiện nghiêm túc {t} này",
    ]
)
TYPES = st.sampled_from(["Quyết định", "Thông tư", "Nghị quyết", "Quy chế", "Quy định"])
ROLE = st.sampled_from(["chủ trì", "phối hợp với Sở Tư pháp"])
WORK = st.sampled_from(["hướng dẫn", "kiểm tra", "chủ trì", "phối hợp với Sở Tư pháp"])


@settings(max_examples=60, deadline=None)
@given(
    formula=FORMULA,
    kind=TYPES,
    role=st.one_of(st.none(), ROLE),
    work=WORK,
    end=st.sampled_from(["", ".", "./."]),
)
def test_the_formula_is_executors_only_and_never_with_work(formula, kind, role, work, end):
    rest = formula.format(t=kind) + end
    heads = "Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các cơ quan, đơn vị có liên quan "
    if role is None:
        assert executors_only(rest, heads)
        assert executors_only(heads + rest)
    else:  # a role named before the formula is work, whatever the formula
        assert not executors_only(f"{role} và {rest}", heads)
        assert not executors_only(f"{heads}{role} và {rest}")
    if "thực hiện" in formula:  # the formula of a Quy chế's last clause: only as printed alone
        assert not executors_only(f"{work} và {rest}", heads)
        assert not executors_only(f"{heads}{work} và {rest}")
        # bodies alone bound to the text: the executors clause too (convention C4)
        assert executors_only(rest, "Các sở, ban, ngành; Ủy ban nhân dân các xã, phường ")


def test_the_formula_followed_by_the_problems_clause_is_still_executors_only():
    bound = (
        "Các cơ quan, đơn vị, địa phương có trách nhiệm thực hiện tốt Quy chế này. Trong quá "
        "trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương phản ánh "
        "về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định."
    )
    assert executors_only(bound)
    more = bound.replace("Trong quá", "Sở Nội vụ theo dõi, kiểm tra việc thực hiện. Trong quá")
    assert not executors_only(more)


def test_a_body_basing_its_own_task_on_the_decision_keeps_it():
    assert not executors_only(
        "Sở Y tế căn cứ nội dung Quyết định để hướng dẫn các cơ sở khám bệnh thực hiện."
    )
