"""Scaling out extraction: a bounded process pool (``parallel``) and a Dask engine (``dask_engine``).

Both map a per-article function they are given (``unionkg.pipeline.Extraction``, the unit of work
of a build) and give back the results in input order, identical to a single-process run. Neither
imports the pipeline: the pipeline passes its work in.
"""
