"""Running: analysing many policies in-process, on a worker pool or on Dask, with the result
cache, the on-disk spool, time budgets and workers that die with their parent."""
