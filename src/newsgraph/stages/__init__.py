"""Pipeline stages, one module each, in run order (see ``newsgraph.pipeline``)."""
