"""Inputs that hold or point at many articles: WARC archives, RSS/Atom feeds, web pages.

* :mod:`.web`: one fetched or archived web page (HTML or text) as an Article;
* :mod:`.warc`: every HTML/text ``response`` record of a ``.warc``/``.warc.gz``;
* :mod:`.feeds`: every entry of an RSS or Atom feed, fetched one at a time.
"""
