"""The events judge's out-of-fold tools (scripts/train_event_model.py): each fold's judge is
fitted without the sentences of its fold, on small synthetic rows (no parse, no data)."""

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "train_event_model.py"


def _module():
    pytest.importorskip("sklearn", reason="the judge's training needs the [train] extra "
                        "(scikit-learn), which the core install leaves out")
    spec = importlib.util.spec_from_file_location("train_event_model", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows(n_keys: int = 40):
    """Two candidates per sentence key: an ASSAULT that "troops" mark and a NONE that
    "season" marks, each also with a feature only that sentence has (seen twice, so it
    passes the count filter when the sentence is in training)."""
    rows = []
    for i in range(n_keys):
        key = f"s{i}"
        own = {"own=" + key: 1.0}
        rows.append((key, "written", "ASSAULT", {"bias": 1.0, "w=troops": 1.0, **own},
                     "ASSAULT"))
        rows.append((key, "written", "NONE", {"bias": 1.0, "w=season": 1.0, **own},
                     "ASSAULT"))
    return rows


def test_folds_are_fixed_and_in_range():
    mod = _module()
    keys = [f"s{i}" for i in range(200)]
    folds = [mod.fold_of(k) for k in keys]
    assert folds == [mod.fold_of(k) for k in keys]
    assert set(folds) == set(range(mod.FOLDS))
    assert [mod.fold_of(k, salt="1|") for k in keys] != folds


def test_each_fold_judge_never_saw_its_own_sentences():
    mod = _module()
    rows = _rows()
    judges = mod.fold_judges(rows, c=1.0, threshold=0.5)
    assert len(judges) == mod.FOLDS
    for r in rows:
        mine = judges[mod.fold_of(r[0])]
        assert "own=" + r[0] not in mine.index
        other = judges[(mod.fold_of(r[0]) + 1) % mod.FOLDS]
        assert "own=" + r[0] in other.index


def test_fold_judge_decides_as_a_stored_judge():
    mod = _module()
    judge = mod.fold_judges(_rows(), c=1.0, threshold=0.5)[0]
    assert judge.keeps({"bias": 1.0, "w=troops": 1.0})
    assert not judge.keeps({"bias": 1.0, "w=season": 1.0})
    assert judge.threshold == 0.5


def test_candidates_the_rules_drop_are_trained_on_only_when_asked():
    # parse() stores the candidates the stage's no-event rules keep, then those only a pass
    # without the rules finds (ruled True); collect() adds the latter only with ruled=True
    # (what main() asks since session 24; --after-rules leaves them out).
    from types import SimpleNamespace

    mod = _module()
    item = SimpleNamespace(key="k", set="written", events=[], types=set(), complete=True)
    cache = {"k": [((0, 4), "ASSAULT", {"bias": 1.0}, False),
                   ((10, 14), "ASSAULT", {"bias": 1.0, "w=hunter": 1.0}, True)]}
    default = mod.collect([item], cache, ruled=False)
    both = mod.collect([item], cache, ruled=True)
    assert [r[2] for r in default] == ["NONE"] and not any(mod.ruled(r) for r in default)
    assert [mod.ruled(r) for r in both] == [False, True]
    assert not mod.ruled(_rows()[0])  # rows without the flag are candidates the rules keep


def test_a_dropped_candidate_with_a_gold_type_is_not_trained_on():
    # In the stage a candidate the rules drop never reaches the judge: it is only a NONE
    # example, never one to keep.
    from types import SimpleNamespace

    mod = _module()
    item = SimpleNamespace(key="k", set="cameo", events=[SimpleNamespace(
        trigger=None, uncertain=False, type="ASSAULT")], types={"ASSAULT"}, complete=False)
    cache = {"k": [((0, 4), "ASSAULT", {"bias": 1.0}, True)]}
    assert mod.label(item, (0, 4), "ASSAULT") == "ASSAULT"
    assert mod.collect([item], cache, ruled=True) == []
