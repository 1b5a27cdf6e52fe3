"""The attribution cue model: training, saving, scoring, and the candidates it scores."""

import numpy as np
import pytest

from newsgraph.stages.attributions.scorer import (MODEL, DocContext, candidate_features, fit,
                                                  load, probability, save)
from newsgraph.stages.attributions.syntax import content_spans, source_span, subject_kind


def _toy_rows(n: int = 600, seed: int = 1):
    """Half the rows carry the sparse feature "good", the other half "bad"; the first
    dense column follows the label with noise, the second is pure noise."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 2, n)
    rows = [["BIAS", "good" if y else "bad"] for y in labels]
    dense = np.stack([labels + rng.normal(0, 0.3, n), rng.normal(0, 1, n)], axis=1)
    return rows, dense.astype(np.float32), labels


def test_fit_learns_sparse_and_dense_evidence(tmp_path):
    rows, dense, labels = _toy_rows()
    path = tmp_path / "model.npz"
    save(fit(rows, dense, labels, hidden=8, epochs=5, rate=0.02, batch=32, min_count=1), path)
    model = load(path)
    assert model["sparse"]["good"] > model["sparse"]["bad"]
    yes = probability(["BIAS", "good"], np.array([1.0, 0.0], dtype=np.float32), model)
    no = probability(["BIAS", "bad"], np.array([0.0, 0.0], dtype=np.float32), model)
    assert yes > 0.8 and no < 0.2
    # the dense part alone moves the score the right way
    hi = probability(["BIAS"], np.array([1.2, 0.0], dtype=np.float32), model)
    lo = probability(["BIAS"], np.array([-0.2, 0.0], dtype=np.float32), model)
    assert hi > lo


def test_rare_features_are_dropped(tmp_path):
    rows, dense, labels = _toy_rows()
    rows[0] = rows[0] + ["seen-once"]
    path = tmp_path / "model.npz"
    save(fit(rows, dense, labels, hidden=4, epochs=1, min_count=5), path)
    assert "seen-once" not in load(path)["sparse"]


def test_shipped_model_matches_the_features(analyze):
    """The committed model was trained on features of the width the stage computes now."""
    if not MODEL.exists():
        pytest.skip("no trained model (run `make attribution-model`)")
    model = load(MODEL)
    doc = analyze("Officials said the bridge would reopen in May.").doc
    said = next(t for t in doc if t.lower_ == "said")
    rel, a, b = next(iter(content_spans(said)))
    source = source_span(said)
    feats, vec = candidate_features(said, rel, a, b, subject_kind(said), source,
                                    DocContext(doc, doc.text))
    assert vec.shape == model["net"]["mean"].shape
    p = probability(feats, vec, model)
    assert p > 0.5


def test_content_spans_offer_a_shorter_reading(analyze):
    """A noun-phrase content with a trailing modifier is offered with and without it."""
    doc = analyze("Protesters condemned the arrest of the mayor in the capital on Friday.").doc
    verb = next(t for t in doc if t.lower_ == "condemned")
    texts = {doc[a:b].text for _, a, b in content_spans(verb)}
    assert any(t.startswith("the arrest of the mayor in the capital") for t in texts)
    assert "the arrest" in texts or "the arrest of the mayor" in texts


def test_passive_subject_is_a_content_candidate(analyze):
    doc = analyze("The new budget was endorsed by the teachers' union.").doc
    verb = next(t for t in doc if t.lower_ == "endorsed")
    assert ("nsubjpass", 0, 3) in {(r, a, b) for r, a, b in content_spans(verb)}


def test_source_options_cover_nobody_the_default_and_other_phrases(analyze):
    from newsgraph.stages.attributions.sources import option_features, options

    doc = analyze("The mayor told the council on Monday that the bridge would reopen.").doc
    told = next(t for t in doc if t.lower_ == "told")
    content = next((a, b) for rel, a, b in content_spans(told) if rel == "ccomp")
    default = source_span(told)
    ctx = DocContext(doc, doc.text)
    opts = list(options(told, *content, default, ctx.phrases()))
    assert opts[0] == ("none", None)
    assert ("default", default) in opts and doc[default[0]:default[1]].text == "The mayor"
    others = {doc[s[0]:s[1]].text for kind, s in opts if kind == "other"}
    assert "the council" in others
    assert not any("bridge" in o for o in others)  # phrases inside the content are not sources
    widths = {option_features(told, "ccomp", kind, span, default, ctx)[1].shape
              for kind, span in opts}
    assert len(widths) == 1  # one dense width for every option, "none" included


def test_chooser_keeps_a_plain_subject(analyze):
    from newsgraph.stages.attributions.sources import SOURCE_MODEL, choose

    if not SOURCE_MODEL.exists():
        pytest.skip("no trained source chooser (run `make attribution-model`)")
    doc = analyze("The governor said on Tuesday that taxes would not rise.").doc
    said = next(t for t in doc if t.lower_ == "said")
    rel, a, b = next((r, a, b) for r, a, b in content_spans(said) if r == "ccomp")
    span, nobody = choose(said, rel, a, b, source_span(said), DocContext(doc, doc.text))
    assert not nobody and doc[span[0]:span[1]].text == "The governor"


def test_ensemble_scores_the_average_logit_of_its_members(tmp_path):
    from newsgraph.stages.attributions.scorer import fit_ensemble

    rows, dense, labels = _toy_rows()
    opts = dict(hidden=4, epochs=2, rate=0.02, batch=32, min_count=1)
    members = []
    for seed in (0, 1):
        save(fit(rows, dense, labels, seed=seed, **opts), tmp_path / f"m{seed}.npz")
        members.append(load(tmp_path / f"m{seed}.npz"))
    save(fit_ensemble(rows, dense, labels, seeds=(0, 1), **opts), tmp_path / "both.npz")
    both = load(tmp_path / "both.npz")

    def logit(p):
        return np.log(p / (1 - p))

    for feats, vec in ((["BIAS", "good"], [0.9, 0.3]), (["BIAS", "bad"], [0.1, -1.0])):
        x = np.array(vec, dtype=np.float32)
        mean = sum(logit(probability(feats, x, m)) for m in members) / 2
        assert logit(probability(feats, x, both)) == pytest.approx(mean, abs=0.02)


def test_indirect_content_stops_at_the_paragraph_end():
    from newsgraph.stages.attributions.indirect import _within_paragraph

    norm = 'She said the plan "works well."\n\nThe council met on Monday.'
    quoted = bytearray(len(norm) + 1)
    q0, q1 = norm.index('"'), norm.index('"', norm.index('"') + 1) + 1
    quoted[q0:q1] = b"\x01" * (q1 - q0)
    start = norm.index("the plan")
    assert norm[slice(*_within_paragraph(norm, quoted, start, len(norm)))] == \
        'the plan "works well."'
    # a line break inside a quotation does not stop the content
    norm2 = 'He said "one.\n\ntwo" and left.'
    quoted2 = bytearray(len(norm2) + 1)
    quoted2[norm2.index('"'):norm2.rindex('"') + 1] = b"\x01" * (norm2.rindex('"') + 1
                                                                - norm2.index('"'))
    start2 = norm2.index('"')
    assert _within_paragraph(norm2, quoted2, start2, len(norm2)) == (start2, len(norm2))


def test_parenthetical_cue_reports_the_clause_on_both_sides(analyze):
    a = analyze("The new terminal, the airport director said, would open in the spring.")
    att = next(x for x in a.attributions if x.cue is not None and x.cue.text == "said")
    assert [p.text for p in att.content_parts] == ["The new terminal",
                                                   "would open in the spring."]
    assert att.source is not None and att.source.text == "the airport director"


def test_a_parse_without_vectors_falls_back_to_the_count_table(analyze):
    """A pipeline that leaves no doc.tensor still gets attributions, from the count table."""
    from newsgraph.stages.attributions import attributions

    a = analyze("The minister said on Monday that the port would reopen next week.")
    a.doc.tensor = np.zeros((0,), dtype=np.float32)
    a.attributions = []
    attributions(a)
    att = next(x for x in a.attributions if x.cue is not None and x.cue.text == "said")
    assert "port would reopen" in att.content.text


def test_doc_context_copies_the_token_attributes(analyze):
    a = analyze('Two senators, who met in Dunmore on Monday, said that "the plan" would fail.\n\n'
                "The mayor, however, disagreed and called it a bargain.")
    doc, ctx = a.doc, DocContext(a.doc, a.norm)
    assert ctx.lower == [t.lower_ for t in doc]
    assert ctx.lemma == [t.lemma_.lower() for t in doc]
    assert ctx.pos == [t.pos_ for t in doc] and ctx.tag == [t.tag_ for t in doc]
    assert ctx.dep == [t.dep_ for t in doc] and ctx.ent == [t.ent_type_ for t in doc]
    assert ctx.head == [t.head.i for t in doc]
    assert ctx.left == [t.left_edge.i for t in doc]
    assert ctx.kids == [[c.i for c in t.children] for t in doc]
    assert ctx.sent_start == [bool(t.is_sent_start) for t in doc]
    assert ctx.punct == [t.is_punct for t in doc]
    assert ctx.quote.tolist() == [t.text == '"' for t in doc]
