"""Pinned PLOVER scores on gsr-dev (skipped when ../shared/data is absent)."""

from newsgraph.eval import plover


def test_plover_floors(shared_data):
    result = plover.run(shared_data)
    for key, floor in plover.FLOORS.items():
        assert result[key] >= floor, f"{key} = {result[key]} fell below {floor}"


_TEX = r"""
\section{Overview}
Some text with ``a quoted phrase that is no example at all here''.
\section{RETREAT}

Withdraw from a place; release captives. % a comment ``Ignored quoted sentence in a comment''

\subsection{Potential ambiguities}
\begin{itemize}
\item Rescues, e.g. ``The coast guard rescued nine sailors off Crete yesterday'' should be coded as \plcat{AID}.
\item ``The rebels freed four hostages near the border...''
\end{itemize}
\begin{tabular}{|l|l|}
Name & Content \\
release & Release captives \\
resign & Official resignation \\
& (continued) \\
\end{tabular}
\section{THREATEN}
\begin{tabular}{|l|l|}
Name & Content \\
arrest & Arrest, detain \\
\end{tabular}
"""


def test_manual_probes_are_read_from_latex(tmp_path):
    from newsgraph.eval.plover_manual import CARRIER, manual_probes

    path = tmp_path / "manual.tex"
    path.write_text(_TEX, encoding="utf-8")
    probes = manual_probes(path)
    assert ("example", "The coast guard rescued nine sailors off Crete yesterday.", "AID") in probes
    assert ("example", "The rebels freed four hostages near the border.", "RETREAT") in probes
    assert ("mode", CARRIER.format("release captives"), "RETREAT") in probes
    assert ("definition", CARRIER.format("withdraw from a place"), "RETREAT") in probes
    texts = " ".join(s for _, s, _ in probes)
    assert "comment" not in texts and "quoted phrase" not in texts
    assert all(t != "THREATEN" for _, _, t in probes)  # its modes name what is threatened


def test_cameo_probes_map_old_labels(tmp_path):
    from newsgraph.eval.plover_manual import cameo_probes

    path = tmp_path / "cameo.txt"
    path.write_text("# header\n19: FIGHT\n190: FIGHT, , # Use conventional military force\n"
                    "0871: RETREAT, ceasefire, # Declare truce, ceasefire\n", encoding="utf-8")
    probes = cameo_probes(path)
    assert ("cameo", "Officials use conventional military force.", "ASSAULT") in probes
    assert ("cameo", "Officials declare truce, ceasefire.", "RETREAT") in probes
    assert len(probes) == 2
