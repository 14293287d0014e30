"""Scenario sweeps on a Dask cluster: a local one on a laptop, many machines
unchanged. Scenarios are independent, so they shard: each partition is
evaluated by a worker that loads the model once.

    from distributed import Client
    import smr.dask
    client = Client("tcp://scheduler:8786")      # or LocalCluster()
    frame = smr.dask.sweep(files, scenarios, client=client)
"""
import json

import smr

_MODELS = {}  # per worker process: files -> Model, loaded once


def _model(files):
    key = tuple(files)
    if key not in _MODELS:
        _MODELS[key] = smr.Model.load(list(files))
    return _MODELS[key]


def _evaluate(lines, files):
    return _model(files).eval_jsonl_text(list(lines))


def _as_bag(scenarios, partition_size):
    import dask.bag as db

    if isinstance(scenarios, db.Bag):
        return scenarios.map(lambda s: s if isinstance(s, str) else json.dumps(s))
    lines = [s if isinstance(s, str) else json.dumps(s) for s in scenarios]
    return db.from_sequence(lines, partition_size=partition_size)


def _rows(texts):
    results = [smr._exact(json.loads(t)) for t in texts]
    frame = smr.to_dataframe(results)
    frame["fine"] = frame["fine"].astype(str)  # exact, and Dask can carry it
    return frame


_META = {"scenario": str, "org": str, "person": str, "name": str, "outcome": str,
         "censure": bool, "fine": str, "disqualification": bool, "criminal": bool}


def sweep(model_files, scenarios, client=None, partition_size=10_000, frame=True):
    """Evaluates `scenarios` (an iterable or dask bag of scenario dicts or
    JSON strings, the `--scenarios-jsonl` format) under the model of
    `model_files` across the cluster.

    Returns a Dask DataFrame with one row per (scenario, person) sanctioned,
    fines as exact decimal strings; or with frame=False a bag of the JSON
    lines `smr eval --scenarios-jsonl` prints, in the scenarios' order.
    With `client`, the work runs on that client's cluster (otherwise on
    Dask's default scheduler)."""
    files = [str(f) for f in model_files]
    texts = _as_bag(scenarios, partition_size).map_partitions(_evaluate, files)
    result = texts if not frame else _frame(texts)
    return client.persist(result) if client is not None else result


def _frame(texts):
    import dask
    import dask.dataframe as dd
    import pandas as pd

    meta = pd.DataFrame({k: pd.Series(dtype=v) for k, v in _META.items()})
    parts = [dask.delayed(_rows)(part) for part in texts.to_delayed()]
    return dd.from_delayed(parts, meta=meta)


def _changes(lines, base_files, head_files):
    base, head = _model(base_files), _model(head_files)
    before = [json.loads(t) for t in base.eval_jsonl_text(list(lines))]
    after = [json.loads(t) for t in head.eval_jsonl_text(list(lines))]
    out = []
    for b, a in zip(before, after):
        was = {p["id"]: p for p in b["persons"]}
        now = {p["id"]: p for p in a["persons"]}
        for person in sorted(set(was) | set(now)):
            key = ("outcome", "censure", "fine", "disqualification", "criminal")
            summary = lambda p: tuple(p[k] for k in key) if p else ("none", False, "0.00", False, False)
            if summary(was.get(person)) != summary(now.get(person)):
                out.append({"scenario": a["scenario"], "person": person,
                            "before": was.get(person, {}).get("outcome", "none"),
                            "before_fine": was.get(person, {}).get("fine", "0.00"),
                            "after": now.get(person, {}).get("outcome", "none"),
                            "after_fine": now.get(person, {}).get("fine", "0.00")})
    return out


def diff_sweep(base_files, head_files, scenarios, client=None, partition_size=10_000):
    """Reform against baseline across a population: evaluates each scenario
    under both versions on the cluster and returns (changes, summary):
    the changed (scenario, person) rows (a list of dicts, fines as exact
    strings) and the counts {"changed", "scenarios_changed", "scenarios"}."""
    import dask

    bag = _as_bag(scenarios, partition_size)
    changes_bag = bag.map_partitions(_changes, [str(f) for f in base_files],
                                     [str(f) for f in head_files])
    if client is not None:
        changes, total = client.compute([changes_bag, bag.count()], sync=True)
    else:
        changes, total = dask.compute(changes_bag, bag.count())
    changes = list(changes)
    summary = {"changed": len(changes),
               "scenarios_changed": len({c["scenario"] for c in changes}),
               "scenarios": total}
    return changes, summary
