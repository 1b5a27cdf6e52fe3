"""Engines run the pipeline over many articles: in this process, in local worker processes
(:mod:`.local`), or on a Spark cluster (:mod:`.spark`).  All of them hand batches to one
function, :func:`.batch.analyze_batch`, so a record is the same whichever engine made it."""
