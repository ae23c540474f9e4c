"""Who must do what: assignments and duties from the organisation part of a document.

Drafting conventions these rules follow (NĐ 30/2020/NĐ-CP, Party drafting
guides, and how provinces, districts and communes actually write plans):

- the organisation part is a part titled TỔ CHỨC THỰC HIỆN / PHÂN CÔNG /
  TRÁCH NHIỆM, an item of that name, the articles of a decision ("Điều 2.
  Giao ...", "Điều 3. Chánh Văn phòng ..., Giám đốc các sở ... chịu trách
  nhiệm thi hành"), or an appendix table (Nội dung | Cơ quan chủ trì | Cơ
  quan phối hợp | Thời gian);
- each numbered item names its bodies first, as a heading ("1. Phòng Giáo
  dục và Đào tạo"), before a colon ("8. Phòng Dân tộc: ...") or as the
  subject of the sentence ("2. Hội đồng nhân dân Thành phố chỉ đạo ...",
  "4. Giao Sở X chủ trì ..."); "Đề nghị ..." addresses bodies the issuer
  cannot command (requested), the rest are assigned;
- a bullet that itself starts with a body ("- Phòng Nội vụ chủ trì ...",
  "- Đề nghị Đoàn TNCS ...") is that body's duty, not the heading body's;
- per-theme plans list a theme's tasks under "a) Nhiệm vụ, giải pháp" and who
  carries them under "b) Phân công thực hiện";
- a task may name its lead on lines of its own ("Cơ quan chủ trì: ...;
  Cơ quan phối hợp: ...; Thời gian: ..."), as appendix tables do in columns;
- a Công văn gives its points to the bodies under "Kính gửi"; "Sở X đề nghị
  Y ..." hands the work to Y;
- each bullet is one duty; unbulleted paragraphs are one duty each unless they
  follow a bullet (then they continue it); a passage printed twice counts once.

Bodies are found on the structure stage's tree (kg.structure) and matched
against ontology/bodies.ttl (kg.extract.bodies); offsets are clean-text offsets
until a fact is built, then mapped to the original text.
"""

from kg.extract.duties.rules import (
    deadline_of,
    directed_spans,
    lead_bodies,
    parse_list,
    pro_forma,
    role_of,
)
from kg.extract.duties.walker import extract_assignments

__all__ = [
    "deadline_of",
    "directed_spans",
    "extract_assignments",
    "lead_bodies",
    "parse_list",
    "pro_forma",
    "role_of",
]
