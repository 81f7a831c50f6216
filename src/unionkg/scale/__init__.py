"""Scaling out extraction: a bounded process pool (``parallel``) and a Dask engine (``dask_engine``).

Both map the per-article unit of work, ``unionkg.pipeline.extract_facts``, and give back the facts
lines in input order, identical to a single-process run.
"""
