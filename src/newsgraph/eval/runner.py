"""Run the named benchmarks and print their tables (``make bench``)."""

from __future__ import annotations

import importlib
import inspect
import platform
import os
import time

from . import data_dir
from ..errors import NewsgraphError

BENCHMARKS = {
    "throughput": "newsgraph.eval.throughput",
    "workers": "newsgraph.eval.workers",
    "entities": "newsgraph.eval.entities",
    "attribution": "newsgraph.eval.polnear",
    "beats": "newsgraph.eval.beats",
    "times": "newsgraph.eval.timebank",
    "quantities": "newsgraph.eval.newsquant",
    "quantities-extra": "newsgraph.eval.quantities_extra",
    "times-extra": "newsgraph.eval.times_extra",
    "events": "newsgraph.eval.plover",
    "event-sets": "newsgraph.eval.events_sets_bench",
    "incidents": "newsgraph.eval.incidents",
    "copies": "newsgraph.eval.copies",
    "stories": "newsgraph.eval.stories",
    "xdoc": "newsgraph.eval.xdoc",
    "corpus-scale": "newsgraph.eval.corpus_scale",
    "spark": "newsgraph.eval.spark_throughput",
    "api": "newsgraph.eval.api_latency",
}


def machine() -> str:
    return (f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def run_benchmarks(names: list[str], limit: int | None = None, split: str = "dev") -> bool:
    """Run each benchmark; return False if any floor was missed or a benchmark failed."""
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        raise NewsgraphError(f"unknown benchmark(s) {', '.join(unknown)}; "
                             f"choose from {', '.join(BENCHMARKS)}")
    root = data_dir()
    if root is None:
        raise NewsgraphError("../shared/data is not beside this checkout; set NEWSGRAPH_DATA")
    print(f"# newsgraph benchmarks — {machine()}")
    ok = True
    for name in names or list(BENCHMARKS):
        try:
            module = importlib.import_module(BENCHMARKS[name])
        except ModuleNotFoundError:
            print(f"\n## {name}: not implemented yet")
            continue
        kwargs = {"limit": limit}
        if "split" in inspect.signature(module.run).parameters:
            kwargs["split"] = split
        started = time.perf_counter()
        result = module.run(root, **kwargs)
        module.report(result)
        missed = below_floors(result, getattr(module, "FLOORS", {}))
        for key, (got, floor) in missed.items():
            print(f"FLOOR MISSED {name}.{key}: {got} < {floor}")
        over = above_ceilings(result, getattr(module, "CEILINGS", {}))
        for key, (got, ceiling) in over.items():
            print(f"CEILING EXCEEDED {name}.{key}: {got} > {ceiling}")
        missed = {**missed, **over}
        over_budget = _check_budget(name, result, getattr(module, "BUDGET_PCT", None))
        ok = ok and not missed and not over_budget
        print(f"({name}: {time.perf_counter() - started:.0f} s)")
    return ok


def lookup(result: dict, key: str):
    """A score by name, at the top of the result or under its "scores"; a dotted name
    ("ecbplus.f1") walks nested dicts."""
    for root in (result, result.get("scores", {})):
        node = root
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                break
            node = node[part]
        else:
            return node
    raise KeyError(key)


def _check_budget(name: str, result: dict, budget: float | None) -> bool:
    """Print the stage cost against its budget; True if over budget."""
    cost = result.get("stage_pct_of_parse")
    if budget is None or cost is None:
        return False
    verdict = "within" if cost <= budget else "OVER"
    print(f"{name}: stage cost {cost:.1f}% of parse, {verdict} its budget of {budget:g}%")
    return cost > budget


def below_floors(result: dict, floors: dict) -> dict:
    """{key: (got, floor)} for every floor the result does not reach (dotted keys allowed)."""
    missed = {}
    for key, floor in floors.items():
        got = lookup(result, key)
        if got < floor:
            missed[key] = (got, floor)
    return missed


def above_ceilings(result: dict, ceilings: dict) -> dict:
    """{key: (got, ceiling)} for every error rate above its ceiling (lower is better)."""
    return {key: (got, c) for key, c in ceilings.items() if (got := lookup(result, key)) > c}
