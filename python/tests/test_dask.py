"""Sweeps on a two-worker Dask LocalCluster equal the CLI byte for byte,
whatever the partitioning."""
import json
import random
import subprocess
from decimal import Decimal

import pytest

import smr
import smr.dask
from conftest import BINARY

distributed = pytest.importorskip("distributed")


def population(n, seed=7):
    """n scenarios of the worked example's org: one to three breaches, any
    severity, dates across bob's tenure, some with reasonable steps taken
    or another income."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        breaches = []
        for _ in range(rng.randint(1, 3)):
            b = {"type": rng.choice(["grooming", "abuse_image_series"]),
                 "date": f"20{rng.randint(20, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                 "severity": rng.randint(1, 5)}
            if rng.random() < 0.3:
                b["persons"] = {"bob": {"reasonable_steps": rng.random() < 0.5,
                                        "relevant_income": f"{rng.randint(50, 400)}000.{rng.randint(0, 99):02d} GBP"}}
            breaches.append(b)
        out.append(json.dumps({"name": f"firm {i}", "breaches": breaches}))
    return out


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


def cli_lines(example, lines, tmp_path):
    path = tmp_path / "population.jsonl"
    path.write_text("\n".join(lines) + "\n")
    out = subprocess.run([BINARY, "eval", "--format", "json", "--scenarios-jsonl", str(path),
                          *example],
                         capture_output=True, text=True, check=True).stdout
    return out.splitlines(keepends=True)


def test_sweep_of_100000_scenarios_equals_the_cli(client, example, tmp_path):
    lines = population(100_000)
    expected = cli_lines(example, lines, tmp_path)
    assert len(expected) == 100_000
    got = smr.dask.sweep(example, lines, client=client, partition_size=7_919, frame=False)
    assert "".join(got.compute()) == "".join(expected)


def test_partitioning_does_not_change_the_result(client, example, tmp_path):
    lines = population(3_000, seed=11)
    expected = "".join(cli_lines(example, lines, tmp_path))
    for size in (7, 250, 2_999, 10_000):
        got = smr.dask.sweep(example, lines, client=client, partition_size=size, frame=False)
        assert "".join(got.compute()) == expected, size


def test_sweep_as_a_dataframe_keeps_fines_exact(client, example, tmp_path):
    lines = population(2_000, seed=3)
    expected = [json.loads(t) for t in cli_lines(example, lines, tmp_path)]
    frame = smr.dask.sweep(example, lines, client=client, partition_size=300).compute()
    rows = sum(len(r["persons"]) for r in expected)
    assert len(frame) == rows
    total = sum((Decimal(p["fine"]) for r in expected for p in r["persons"]), Decimal(0))
    assert sum((Decimal(f) for f in frame["fine"]), Decimal(0)) == total


def test_diff_sweep_reform_against_baseline(client, example, tmp_path):
    # The reform: oversight from severity 3 instead of 4.
    text = open(example[0]).read()
    rule = "when severity >= 4;\n  then censure to managers(1);"
    assert rule in text
    head = tmp_path / "head.smr"
    head.write_text(text.replace(rule, rule.replace(">= 4", ">= 3")))
    lines = population(5_000, seed=5)
    changes, summary = smr.dask.diff_sweep(example, [head], lines, client=client,
                                           partition_size=700)
    # The same worked out with the binding alone, scenario by scenario. The
    # only possible change: alice censured under head and not under base,
    # when a severity-3 breach (and none of 4 or more) has bob accountable
    # and alice his manager; her outcome may stay "fine" (she is fined as
    # the fallback for breaches before bob's responsibility began).
    base_m, head_m = smr.Model.load(example), smr.Model.load([head])
    before, after = base_m.eval_jsonl(lines), head_m.eval_jsonl(lines)
    keys = ("outcome", "censure", "fine", "disqualification", "criminal")
    expected = set()
    for b, a in zip(before, after):
        was = {p["id"]: tuple(p[k] for k in keys) for p in b["persons"]}
        now = {p["id"]: tuple(p[k] for k in keys) for p in a["persons"]}
        for person in set(was) | set(now):
            if was.get(person) != now.get(person):
                assert person == "alice" and now[person][1] and not was.get(person, (0, False))[1]
                expected.add((a["scenario"], person))
    assert {(c["scenario"], c["person"]) for c in changes} == expected
    assert all(c["person"] == "alice" for c in changes)
    assert summary == {"changed": len(expected), "scenarios_changed": len(expected),
                       "scenarios": 5_000}
    assert summary["changed"] > 100
