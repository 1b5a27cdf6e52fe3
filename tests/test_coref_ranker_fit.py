"""The speaker ranker's fitting code (scripts/train_speaker_ranker.py): a conditional logit
over rows with different numbers of candidates, on small synthetic rows."""

import importlib.util
from pathlib import Path

import numpy as np

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_speaker_ranker.py"


def _module():
    spec = importlib.util.spec_from_file_location("train_speaker_ranker", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows(seed: int, n: int = 60):
    """Rows of 2 to 5 candidates: feature 0 marks the right one, feature 1 is noise that
    is high on a wrong candidate half the time."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(n):
        k = int(rng.integers(2, 6))
        x = np.zeros((k, 2))
        right = int(rng.integers(k))
        x[right, 0] = 1.0
        x[:, 1] = rng.random(k)
        y = np.zeros(k)
        y[right] = 1.0
        rows.append((x, y))
    return rows


def test_fit_learns_the_marking_feature_over_ragged_rows():
    mod = _module()
    rows = _rows(1)
    w = mod.fit(rows, l2=0.01, steps=300)
    assert w[0] > 1.0 and abs(w[1]) < w[0] / 2
    assert mod.accuracy(_rows(2), w) == 1.0


def test_padding_does_not_change_the_fit():
    """A row's padded slots (another row has more candidates) take no probability: the
    batched fit equals the same gradient descent summed row by row."""
    mod = _module()
    short = [(np.array([[1.0, 0.2], [0.0, 0.9]]), np.array([1.0, 0.0]))]
    long_ = [(np.array([[0.0, 0.1], [1.0, 0.3], [0.0, 0.5], [0.0, 0.7], [0.0, 0.2]]),
              np.array([0.0, 1.0, 0.0, 0.0, 0.0]))]
    both = mod.fit(short + long_, l2=0.01, steps=50)
    # the same gradient written out per row, as the first version of the script did it
    w = np.zeros(2)
    for _ in range(50):
        grad = 2 * 0.01 * w
        for x, y in short + long_:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y / (p * y).sum()
            grad -= (q - p) @ x / 2
        w -= 0.1 * grad
    assert np.allclose(both, w)


class _Ref:
    def __init__(self, name, kind="PERSON"):
        self.name, self.kind = name, kind


def _row(referent):
    from newsgraph.eval.speakers import SpeakerRow

    return SpeakerRow("doc", (0, 2), "he", (0, 0), referent, "person")


def test_a_generational_suffix_in_a_label_is_not_the_surname():
    """"Ann Roe Jr." labels the Roe the article names; her entity may lack the suffix."""
    mod = _module()
    assert mod.label_keys("Walter Brandt Jr.") == ["brandt"]
    assert mod.label_keys("Ada Quist III and Lena Moss") == ["quist", "moss"]
    assert mod._is_right(_row("Walter Brandt Jr."), _Ref("Walter Brandt"))
    assert not mod._is_right(_row("Walter Brandt Jr."), _Ref("Jr. Walters"))


def test_a_party_named_by_its_adjective_answers_to_its_plural():
    mod = _module()
    assert mod._is_right(_row("Republicans"), _Ref("Republican", "NORP"))
    assert mod._is_right(_row("House Democrats"), _Ref("Democratic", "NORP"))
    assert mod._is_right(_row("Democrats"), _Ref("Democrats", "NORP"))
    # only a nationality or party: a person's name is matched as written
    assert not mod._is_right(_row("Republicans"), _Ref("Tom Republican", "PERSON"))
    assert not mod._is_right(_row("Republicans"), _Ref("Democratic", "NORP"))
