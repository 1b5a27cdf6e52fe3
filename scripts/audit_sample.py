"""Write the attributions of a fixed random sample of real articles for a reader to audit.

Issue 11 asks for an analyst's audit of articles from outlets outside the training data:
10 from ``gunviolence`` and 10 from ``ecbplus`` (``../shared/data``), drawn with a fixed
seed among articles that contain a reporting word, so that the same 20 are read before and
after a change.  For each article this writes ``NN_ID.txt`` into OUT_DIR: the text with
numbered paragraphs, then every attribution (kind, speaker, source words, cue, content,
sourcing, polarity).  The output is for reading only; nothing from it goes into the repository.

    python scripts/audit_sample.py OUT_DIR [--seed 11] [--per-set 10] [--layer events]

Issue 13's events audit uses ``--layer events --seed 13`` (a sample of its own, kept out of
the sentences we labelled for training: ``scripts/sample_event_sentences.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPORTING = re.compile(r"\b(said|says|told|according to|stated|added)\b")


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def sample(data: Path, seed: int, per_set: int) -> list[dict]:
    """The fixed sample: per_set articles of each set with a reporting word, by seed."""
    out = []
    for name, path in (("gunviolence", data / "gunviolence" / "articles.jsonl"),
                       ("ecbplus", data / "ecbplus" / "docs.jsonl")):
        rows = [r for r in _read(path) if REPORTING.search(r.get("text") or "")
                and 400 <= len(r["text"]) <= 6000]
        rows.sort(key=lambda r: r["id"])
        for r in random.Random(seed).sample(rows, per_set):
            out.append({"set": name, "id": r["id"], "text": r["text"],
                        "published": r.get("published")})
    return out


def _text_lines(text: str) -> list[str]:
    """The article with numbered paragraphs and their character offsets, for a reader."""
    lines = ["TEXT (paragraph number, character offset):"]
    pos = 0
    for n, para in enumerate(text.split("\n")):
        if para.strip():
            lines.append(f"[{n}@{pos}] {para}")
        pos += len(para) + 1
    return lines + [""]


def render(analysis) -> str:
    lines = _text_lines(analysis.article.text)
    lines.append(f"ATTRIBUTIONS ({len(analysis.attributions)}):")
    for i, a in enumerate(analysis.attributions, 1):
        src = a.source.text if a.source else "-"
        cue = a.cue.text if a.cue else "-"
        pol = getattr(a, "polarity", None) or "positive"
        conf = getattr(a, "speaker_confidence", None)
        lines.append(f"#{i} {a.kind} @{a.content.start} speaker={a.speaker_name!r} "
                     f"source={src!r} cue={cue!r} sourcing={a.sourcing} polarity={pol} mode={getattr(a, 'mode', 'speech')} "
                     f"reason={a.speaker_reason!r} confidence={conf}")
        lines.append(f"    content: {' '.join(a.content.text.split())}")
    return "\n".join(lines) + "\n"


def render_events(analysis) -> str:
    """The text with paragraph offsets, then every event with its evidence, for judging."""
    from newsgraph.report import event_when

    lines = _text_lines(analysis.article.text)
    lines.append(f"EVENTS ({len(analysis.events)}), publication date {analysis.article.published}:")

    def who(a):
        return "-" if a is None else f"{a.span.text!r} [{a.country or ''}/{a.sector or ''}]"

    for e in analysis.events:
        when = event_when(e) or "-"
        place = e.place_span.text if e.place_span else "-"
        kind = e.type + ("/" + e.mode if e.mode else "")
        lines.append(f"#{e.id} {kind} @{e.trigger.start} trigger={e.trigger.text!r} "
                     f"actor={who(e.actor)} target={who(e.target)} modality={e.modality} "
                     f"content={e.content_modality} when={when} place={place!r} "
                     f"reported_by={e.reported_by} same_as={e.same_as}")
        sentence = " ".join(e.sentence.text.split()) if e.sentence else ""
        lines.append(f"    sentence: {sentence}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--per-set", type=int, default=10)
    parser.add_argument("--layer", choices=("attributions", "events"), default="attributions")
    parser.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1].parent
                        / "shared" / "data")
    args = parser.parse_args(argv)
    from newsgraph import Article, Pipeline

    args.out_dir.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline()
    for n, row in enumerate(sample(args.data, args.seed, args.per_set)):
        analysis = pipeline.analyze(Article(id=row["id"], text=row["text"],
                                            published=row["published"]))
        path = args.out_dir / f"{n:02d}_{row['set']}_{row['id'][:12]}.txt"
        show = render_events if args.layer == "events" else render
        path.write_text(show(analysis), encoding="utf-8")
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
