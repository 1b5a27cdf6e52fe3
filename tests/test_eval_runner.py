"""The benchmark runner: floors are compared wherever a scorer puts its scores."""

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.eval import prf
from newsgraph.eval.runner import below_floors, run_benchmarks


def test_floors_found_at_top_level_or_under_scores():
    result = {"ratio": 0.5, "scores": {"value_f1": 0.9}}
    assert below_floors(result, {"ratio": 0.6, "value_f1": 0.85}) == {"ratio": (0.5, 0.6)}
    assert below_floors(result, {"value_f1": 0.95}) == {"value_f1": (0.9, 0.95)}


def test_unknown_benchmark_is_a_usage_error():
    with pytest.raises(NewsgraphError, match="unknown benchmark"):
        run_benchmarks(["speling"])


def test_prf_counts():
    assert prf(3, 4, 6) == {"p": 0.75, "r": 0.5, "f1": 0.6, "tp": 3, "pred": 4, "gold": 6}
    assert prf(0, 0, 0)["f1"] == 0.0


def test_a_worktree_finds_its_main_checkout(tmp_path):
    from newsgraph.eval import _main_checkout

    main = tmp_path / "main"
    (main / ".git" / "worktrees" / "wt-a").mkdir(parents=True)
    wt = tmp_path / "elsewhere" / "wt-a"
    wt.mkdir(parents=True)
    (wt / ".git").write_text(f"gitdir: {main / '.git' / 'worktrees' / 'wt-a'}\n")
    assert _main_checkout(wt) == main
    assert _main_checkout(main) is None  # a main checkout has a .git folder
    (wt / ".git").write_text("not a pointer\n")
    assert _main_checkout(wt) is None
