"""Cross-article work over the store: syndicated copies, stories, corpus entities, timelines.

Everything here is *online*: articles are linked one at a time in arrival order (the
order they were stored, ``articles.seq``), and an article's copy group, story and corpus
entities depend only on the articles that arrived before it.  So linking while ingesting,
in any batch sizes, gives the same result as ``newsgraph relink`` over the same store;
the one documented online effect is that an article only joins what already exists.

Modules:

- :mod:`.copies`: syndicated copies (exact normalised paragraphs, then MinHash-LSH over
  shingles verified by containment/Jaccard);
- :mod:`.stories`: online clustering of articles into real-world stories;
- :mod:`.names` and :mod:`.entities`: one ``corpus_entity`` per person, organisation and
  place across articles; :mod:`.places`: the offline gazetteer;
- :mod:`.linker`: runs the three over articles in order and keeps the store up to date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class CorpusArticle:
    """What cross-article linking reads of one stored article.

    ``entities`` are the article's entity records as the store keeps them
    (:meth:`newsgraph.model.Entity.to_dict`): ``id`` ("E3"), ``label`` (PERSON, ORG, GPE,
    LOC, NORP, FAC), ``name``, ``mentions`` (``start``, ``end``, ``text``, ``kind``) and
    ``roles`` (``start``, ``end``, ``text``, ``org``).
    """

    key: str  # the article's content hash, unique in the store
    id: str  # the id given at ingest (not necessarily unique)
    text: str
    title: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    source: Optional[str] = None
    url: Optional[str] = None
    entities: list[dict] = field(default_factory=list)
    seq: int = 0  # arrival order in the store
