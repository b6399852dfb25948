"""``partyqa eval``: labelled question sets, each scored on its own index, by kind.

:mod:`~retrieval.eval.sets` loads the sets, :mod:`~retrieval.eval.score` scores answers and
retrieval, :mod:`~retrieval.eval.run` builds each set's index and runs it, and
:mod:`~retrieval.eval.report` prints the tables.
"""
