"""Cut a cleaned document into header, opening, body tree and closing.

Vietnamese administrative documents follow a fixed drafting pattern (NĐ
30/2020/NĐ-CP for state bodies, Hướng dẫn 36-HD/VPTW for Party bodies):

- header: issuer block and national motto (often side by side, flattened into
  one line with a wide gap), "Số: ...", place and date, the document type in
  capitals, the subject (trích yếu);
- opening: "Thực hiện ... / Căn cứ ... / Xét đề nghị ..." paragraphs and the
  "... ban hành Kế hoạch ... như sau:" sentence;
- body: parts (I., II-, PHẦN I), articles (Điều 1.), items (1., 2-, 4.1.),
  points (a), b)), bullets (-, +, •), paragraphs and appendix table rows;
- closing: "Nơi nhận:" list and the signature block (TM./KT./T/M, title, name),
  sometimes followed by an appendix or an attached plan.

Layout is recovered from the clean text's lines; every Node and HeaderLine
keeps its span in original offsets. Run ``python -m kg.structure FILE`` to see
the tree.

The parser is one class made of parts, one module each: header.py, units.py (the body)
and closing.py, over the layout vocabulary and line helpers of lines.py.
"""

from kg.structure.lines import match_marker
from kg.structure.parser import _Parser, format_tree, main, parse

__all__ = ["_Parser", "format_tree", "main", "match_marker", "parse"]
