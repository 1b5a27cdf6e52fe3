"""A second PLOVER benchmark read at run time from the manual and the CAMEO table.

gsr-dev is small and the trigger lexicon was written with it in view, so this
module builds independent probes from ``plover/PLOVER_MANUAL.tex`` and
``plover/CAMEO2PLOVER-2021.txt`` (nothing is copied into the repository):

- **manual examples**: quoted sentences (``...'') inside an event type's
  section; the type is the one the same ``\\item`` says it "should be coded as",
  else the section's type;
- **manual modes and definitions**: each row of a type's mode table ("arrest &
  Arrest, detain") and each clause of the section's opening definition
  ("express support for, commend, approve policy ...") is a base-form verb
  phrase; it is put in a headline-style carrier ("Officials <phrase>.") so the
  event reads as happened and keeps its own type (a future one would become
  AGREE);
- **CAMEO phrases**: the table's descriptions ("Demand release of prisoners")
  in the same carrier, typed by the PLOVER category the table maps them to.

Only types are gold here (the manual marks no actors), so the scores are type
recall (gold type among the events) and top-1 (main event's type).
"""

from __future__ import annotations

import re
from pathlib import Path

from .plover import OLD_LABELS

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
CARRIER = "Officials {}."
NOUN_CARRIER = "Officials reported {}."
# In these sections a mode row says what is asked, refused or threatened
# ("arrest, detain"), not the act itself, so it is no probe for the type.
_CONTENT_MODES = ("REQUEST", "REJECT", "THREATEN")

_COMMENT = re.compile(r"(?<!\\)%.*$")
_WRAP = re.compile(r"\\(?:plcat|plcon|plmod|txt|emph|textit|ti|textbf|texttt|hyperref\[[^]]*\])"
                   r"\{([^{}]*)\}")
_DROP = re.compile(r"\\(?:ref|label|autoref|cite[pt]?|footnote|url)\{[^{}]*\}")
_SECTION = re.compile(r"^\\(chapter|section|subsection)\*?\{([^}]*)\}")
_QUOTE = re.compile(r"``(.+?)(?:''|\")")
_CODED = re.compile(r"coded as\s+\\plcat\{([A-Z]+)\}")


def _plain(tex: str) -> str:
    """LaTeX markup to plain text (markup macros keep their argument)."""
    s = _DROP.sub("", tex)
    for _ in range(3):
        s = _WRAP.sub(r"\1", s)
    s = s.replace("\\ldots", "...").replace("\\dots", "...").replace("\\$", "$")
    s = s.replace("---", " - ").replace("~", " ").replace("\\&", "and")
    s = re.sub(r"\\[a-zA-Z]+\*?", " ", s).replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", s).strip()


def _lines(tex: str) -> list[str]:
    return [_COMMENT.sub("", ln) for ln in tex.splitlines()]


def _type_sections(lines: list[str]):
    """(type, list of lines) for every top-level section named after a PLOVER type."""
    cur, body = None, []
    for ln in lines:
        m = _SECTION.match(ln.strip())
        if m and m.group(1) in ("chapter", "section"):
            if cur:
                yield cur, body
            name = m.group(2).strip()
            cur, body = (name if name in TYPES else None), []
            continue
        if cur:
            body.append(ln)
    if cur:
        yield cur, body


def _phrase(text: str) -> str:
    """A description cut to its first clause, lower-cased for the carrier."""
    text = re.split(r"\(|\be\.g\.|\bi\.e\.|\. |;", text)[0]
    text = re.sub(r"\s+", " ", text).strip(" ,.:")
    return text[:1].lower() + text[1:] if text else ""


def _examples(etype: str, body: list[str]) -> list[tuple[str, str, str]]:
    items = re.split(r"\\item\b", "\n".join(body))
    out = []
    for item in items:
        coded = _CODED.findall(item)
        gold = coded[-1] if coded else etype
        for q in _QUOTE.findall(item.replace("\n", " ")):
            s = _plain(q).strip(" .")
            s = re.sub(r"[\s,]*\.\.\.$|,$", "", s).strip(" ,")
            if len(s.split()) >= 5 and s[:1].isupper():
                out.append(("example", s + ".", gold))
    return out


def _mode_rows(etype: str, body: list[str]) -> list[tuple[str, str, str]]:
    rows, in_tab = [], False
    for ln in body:
        if "\\begin{tabular}" in ln:
            in_tab = True
            continue
        if "\\end{tabular}" in ln:
            in_tab = False
            continue
        if not in_tab or "&" not in ln:
            continue
        name, _, content = ln.partition("&")
        content = content.split("\\\\")[0]
        if name.strip().lower() == "name":
            continue
        if not name.strip() and rows:
            rows[-1] = rows[-1] + " " + content
        else:
            rows.append(content)
    if etype in _CONTENT_MODES:
        return []
    out = []
    for r in rows:
        p = _phrase(_plain(r))
        if p and not p.startswith(("actor", "meeting", "consultation", "any ")):
            out.append(("mode", CARRIER.format(p), etype))
    return out


def _definition(etype: str, body: list[str]) -> list[tuple[str, str, str]]:
    para = []
    for ln in body:
        if ln.strip().startswith("\\subsection"):
            break
        if ln.strip().startswith("\\"):
            if para:
                break
            continue
        if not ln.strip():
            if para:
                break
            continue
        para.append(ln)
    first = re.split(r"(?<=[a-z])\.\s", _plain(" ".join(para)))[0]
    first = re.split(r":", first)[0] if first.lower().startswith("all ") else first
    out = []
    for clause in first.split(";"):
        p = _phrase(clause)
        if p and "&" not in p and not p.startswith(("all ", "this ", "the ", "in ")):
            out.append(("definition", CARRIER.format(p), etype))
    return out


def manual_probes(path: Path) -> list[tuple[str, str, str]]:
    """(kind, sentence, gold type) probes from the manual's event type sections."""
    lines = _lines(Path(path).read_text(encoding="utf-8"))
    out = []
    for etype, body in _type_sections(lines):
        out.extend(_examples(etype, body))
        out.extend(_mode_rows(etype, body))
        out.extend(_definition(etype, body))
    return list(dict.fromkeys(out))  # the same example may be cited in two sections


def cameo_probes(path: Path) -> list[tuple[str, str, str]]:
    """(kind, sentence, gold type) from the CAMEO table's descriptions of 3-4 digit codes."""
    out = []
    for ln in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,[^#]*#\s*(.+)$", ln)
        if not m:
            continue
        gold = OLD_LABELS.get(m.group(2), m.group(2))
        p = _phrase(m.group(3))
        if gold in TYPES and p and not p[1:].isupper():
            out.append(("cameo", CARRIER.format(p), gold))
    return out


def _fit_carrier(nlp, probes: list) -> list:
    """Noun-phrase descriptions ("hunger strike") get a reporting carrier instead."""
    idx = [i for i, (k, _, _) in enumerate(probes) if k != "example"]
    docs = nlp.pipe([probes[i][1] for i in idx], batch_size=64)
    out = list(probes)
    for i, doc in zip(idx, docs):
        head = next((t for t in doc[1:] if t.pos_ not in ("ADV", "CCONJ", "PUNCT")), None)
        if head is not None and head.pos_ != "VERB":
            kind, sent, gold = probes[i]
            phrase = sent[len(CARRIER.format("")) - 1:-1]
            out[i] = (kind, NOUN_CARRIER.format(phrase), gold)
    return out


def score(data_dir: Path) -> dict:
    """Type recall and top-1 on the manual's and the CAMEO table's probes."""
    from collections import Counter, defaultdict

    from .. import Article, Pipeline
    from ..stages.nlp import load_model
    from .plover import main_event

    base = Path(data_dir) / "plover"
    groups = {"manual": manual_probes(base / "PLOVER_MANUAL.tex"),
              "cameo": cameo_probes(base / "CAMEO2PLOVER-2021.txt")}
    nlp = load_model()
    pipe = Pipeline()
    result = {}
    for name, probes in groups.items():
        probes = _fit_carrier(nlp, probes)
        hits, per_type, per_kind, misses = Counter(), defaultdict(Counter), defaultdict(Counter), []
        arts = (Article(id=f"{name}{i}", text=s) for i, (_, s, _) in enumerate(probes))
        for (kind, sent, gold), a in zip(probes, pipe.run(arts)):
            events = [] if isinstance(a, Exception) else a.events
            per_type[gold]["n"] += 1
            per_kind[kind]["n"] += 1
            top = main_event(a, events) if events else None
            if gold in {e.type for e in events}:
                hits["recall"] += 1
                per_type[gold]["recall"] += 1
                per_kind[kind]["recall"] += 1
            else:
                misses.append((gold, sent, sorted({e.type for e in events})))
            if top is not None and top.type == gold:
                hits["top1"] += 1
        n = len(probes) or 1
        result[name] = {"probes": len(probes), "type_recall": round(hits["recall"] / n, 4),
                        "top1_accuracy": round(hits["top1"] / n, 4),
                        "per_type": {k: dict(v) for k, v in sorted(per_type.items())},
                        "per_kind": {k: dict(v) for k, v in sorted(per_kind.items())},
                        "misses": misses}
    return result
