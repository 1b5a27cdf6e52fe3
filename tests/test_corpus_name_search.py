"""Corpus entities: names linked in earlier articles, found again where the tagger missed
them (issue 12).  Articles are built by hand (entity records as the entities stage writes
them, with real offsets); every text is written for these tests."""

from __future__ import annotations

from newsgraph.corpus import CorpusArticle
from newsgraph.corpus.entities import EntityLinker


def article(key: str, text: str, *names: tuple[str, str]) -> CorpusArticle:
    """An article whose entities are the given (label, written name) at their first
    occurrence in the text."""
    records = []
    for n, (label, name) in enumerate(names, 1):
        start = text.index(name)
        records.append({"id": f"E{n}", "label": label, "name": name, "roles": [],
                        "mentions": [{"start": start, "end": start + len(name), "text": name,
                                      "kind": "name"}]})
    return CorpusArticle(key=key, id=key, text=text, entities=records)


def found(linker: EntityLinker) -> dict[str, list[str]]:
    return {r["name"]: [m["text"] for m in r["mentions"]] for r in linker.found}


def test_a_name_linked_before_is_found_where_the_tagger_missed_it():
    linker = EntityLinker()
    first = linker.add(article("a", "Korvan Systems hired Mara Velde on Monday.",
                               ("ORG", "Korvan Systems"), ("PERSON", "Mara Velde")))
    text = "Shares of Korvan Systems rose. Velde's plan and Korvan Systems' deal were praised."
    links = linker.add(article("b", text))
    assert found(linker) == {"Korvan Systems": ["Korvan Systems", "Korvan Systems"]}
    record = linker.found[0]
    assert links[record["id"]] == first["E1"]
    assert all(record["id"].startswith("X") and m["kind"] == "name_again"
               for m in record["mentions"])
    for m in record["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]


def test_one_word_names_only_where_the_article_never_writes_them_in_lower_case():
    linker = EntityLinker()
    linker.add(article("a", "Frontier said Orsk would buy Tallis.", ("ORG", "Frontier"),
                       ("ORG", "Tallis")))
    linker.add(article("b", "Frontier towns lie on the frontier. Tallis agreed."))
    assert found(linker) == {"Tallis": ["Tallis"]}


def test_a_name_already_tagged_is_not_searched_and_a_surname_alone_is_no_form():
    linker = EntityLinker()
    linker.add(article("a", "Dana Holt sued Orsk Mining.", ("PERSON", "Dana Holt"),
                       ("ORG", "Orsk Mining")))
    linker.add(article("b", "Holt Partners bought Holt Foods.", ("ORG", "Holt Partners"),
                       ("ORG", "Holt Foods")))
    # "Orsk Mining" tagged here: nothing to find; and no form of "Holt" stands alone
    linker.add(article("c", "Orsk Mining and Dana Holt settled.", ("ORG", "Orsk Mining")))
    assert found(linker) == {"Dana Holt": ["Dana Holt"]}
    linker.add(article("d", "Orsk Mining praised Holt.", ("ORG", "Orsk Mining")))
    assert found(linker) == {}


def test_stored_found_records_are_searched_again_not_kept():
    # a relink reads the records an earlier run stored: they are dropped and found again
    linker, again = EntityLinker(), EntityLinker()
    one = article("a", "Korvan Systems hired Mara Velde.", ("ORG", "Korvan Systems"))
    two = article("b", "Korvan Systems grew.")
    linker.add(one)
    links = linker.add(two)
    two.entities = two.entities + linker.found
    again.add(one)
    assert again.add(two) == links
    assert again.found == linker.found


# --- over a store: written as entity rows, relinked and linked in batches the same ---------
def _stored(tmp_path, pipeline, name: str, cuts: tuple[int, ...]):
    from newsgraph import Article
    from newsgraph.corpus.linker import link
    from newsgraph.store import Store

    texts = ["Korvan Systems hired Mara Velde on Monday, the company said.",
             "Ferry crews in Portlund ended their strike on Tuesday.",
             "Korvan Systems shares rose on Tuesday after the deal."]
    analyses = [pipeline.analyze(Article(id=f"n{n}", text=t)) for n, t in enumerate(texts)]
    # the tagger's miss, made sure of: the last article keeps no entity for the firm
    analyses[-1].entities = [e for e in analyses[-1].entities if "Korvan" not in e.name]
    store = Store(tmp_path / name)
    done = 0
    for cut in (*cuts, len(analyses)):
        for analysis in analyses[done:cut]:
            store.save(analysis)
        link(store)
        done = cut
    return store


def _rows(store) -> list:
    return store.query("SELECT a.id, x.id, x.name, x.stage, x.corpus_entity, x.data "
                       "FROM entities x JOIN articles a ON a.hash = x.article ORDER BY ALL")[1]


def test_found_names_are_stored_and_relink_and_batches_give_the_same(tmp_path, pipeline):
    from newsgraph.corpus.linker import relink

    with _stored(tmp_path, pipeline, "one.duckdb", ()) as store:
        rows = _rows(store)
        corpus = {(a, i): c for a, i, _, _, c, _ in rows}
        x = [r for r in rows if r[1].startswith("X")]
        assert [(r[0], r[2], r[3]) for r in x] == [("n2", "Korvan Systems", "corpus")]
        firm = [c for (a, i), c in corpus.items() if a == "n0" and not i.startswith("X")
                and c == x[0][4]]
        assert firm, "the found name takes the corpus entity of the firm named before"
        relink(store)
        assert _rows(store) == rows
        relink(store)
        assert _rows(store) == rows
    with _stored(tmp_path, pipeline, "two.duckdb", (1, 2)) as store:
        assert _rows(store) == rows
