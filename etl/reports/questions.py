"""Questionnaire questions: whether the line above a sentence is a numbered question asking a count
("5. Кількість звернень, що надійшли …?", "Скільки …?"), or a question whose first noun names
what the answer under it counts ("6. Кількість матеріалів … на сайті та у соцмережах.").
"""

from __future__ import annotations

from etl.reports.lexicon import TRANSPARENT_NOUNS
from etl.reports.match import keys
from etl.reports.tokens import Sentence

_ASKS = frozenset({"кількість", "скільки", "чи", "число"})


def question_line(s: Sentence) -> list[Sentence] | None:
    """The sentences of the line before ``s`` when ``s`` opens its line and that line is a numbered
    question asking a count ("Кількість …", "Скільки …?", "Чи …? Кількість і теми.") with no figure."""
    q = []
    p = s.prior
    while p is not None and s.prior is not None and p.line == s.prior.line and p.line < s.line:
        q.insert(0, p)
        p = p.prior
    if not q or (s.prior is not None and s.prior.line == s.line) or not q[0].bullet or any(x.figures for x in q):
        return None
    words = [t.low for x in q for t in x.tokens if t.kind == "word"]
    return q if words and (words[0] in _ASKS or any(w in ("кількість", "скільки") for w in words)) else None


def question_title(s: Sentence, title: Sentence) -> bool:
    """Whether ``title``, the sentence before ``s``, is a question of a questionnaire on the line above
    that names what ``s`` answers with ("6. Кількість матеріалів … на сайті та у соцмережах." / "На
    сайті – 17, у соцмережах – 29."): its first word is a noun like "кількість" and ``s`` has no figure yet."""
    return bool(title.line == s.line - 1 and not s.figures and keys(title.tokens[0]) & TRANSPARENT_NOUNS)
