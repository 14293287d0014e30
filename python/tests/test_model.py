"""The binding's API on the bundled regimes, with figures worked by hand."""
import json
import subprocess
from decimal import Decimal

import pytest

import smr
from conftest import BINARY, SOURCE, ruleset


def test_the_worked_example(example):
    m = smr.Model.load(example)
    (result,) = m.eval()
    assert result["scenario"] == "Repeated grooming failures"
    people = {p["id"]: p for p in result["persons"]}
    # bob: 54,000 (30% of 180,000) + 36,000 (20%) + 18,000 (10%, a repeat).
    assert people["bob"]["fine"] == Decimal("108000.00")
    assert people["bob"]["outcome"] == "fine" and people["bob"]["censure"]
    assert people["alice"]["outcome"] == "censure"
    assert people["alice"]["fine"] == Decimal("0")
    assert "carol" not in people


def test_eval_text_is_the_cli_output_byte_for_byte(example):
    m = smr.Model.load(example)
    for args, kwargs in ((["--explain"], {"explain": True}), ([], {})):
        cli = subprocess.run([BINARY, "eval", "--format", "json", *args, *example],
                             capture_output=True, text=True, check=True).stdout
        assert "".join(m.eval_text(**kwargs)) == cli


def test_explanations_are_structured_and_exact(example):
    m = smr.Model.load(example)
    (result,) = m.eval(explain=True)
    bob = next(p for p in result["persons"] if p["id"] == "bob")
    fine = bob["reasons"][1]
    assert fine["rule"] == "fine_by_seriousness"
    assert fine["fine"] == Decimal("54000.00")
    assert fine["arithmetic"][0]["operands"][0] == {"name": "relevant_income", "value": "180000.00"}


def test_money_is_decimal_never_float(example):
    m = smr.Model.load(example)
    # 10% of 100,000.10 is 10,000.01 exactly; in binary floating point the
    # three fines would not add up to the cent.
    lines = [{"name": f"s{i}", "breaches": [
        {"type": "grooming", "date": "2022-03-01", "severity": 3,
         "persons": {"bob": {"relevant_income": "100000.10 GBP"}}},
        {"type": "grooming", "date": "2022-04-01", "severity": 3,
         "persons": {"bob": {"relevant_income": "100000.10 GBP"}}}]} for i in range(3)]
    results = m.eval_jsonl(lines)
    total = Decimal(0)
    for r in results:
        for p in r["persons"]:
            assert isinstance(p["fine"], Decimal)
            total += p["fine"]
    # Each scenario: 20,000.00 (round_down to 100s of 20,000.02) twice,
    # plus 10,000.01 for the repeat: 50,000.01; three scenarios.
    assert total == Decimal("150000.03")
    frame = smr.to_dataframe(results)
    assert len(frame) == 3 * 1  # bob only: alice's oversight needs severity 4
    assert all(isinstance(f, Decimal) for f in frame["fine"])


def test_errors_carry_their_diagnostics(tmp_path):
    bad = tmp_path / "bad.smr"
    bad.write_text('regime "R" { currency GBP; }\nrule r { then censure to acountable; }\n')
    with pytest.raises(smr.ModelError) as e:
        smr.Model.load([bad])
    d = e.value.diagnostics[0]
    assert (d["line"], d["column"], d["severity"]) == (2, 26, "error")
    assert "acountable" in d["message"]
    with pytest.raises(smr.ModelError, match="cannot read"):
        smr.Model.load([tmp_path / "missing.smr"])


def test_bad_scenarios_and_titles_raise(example):
    m = smr.Model.load(example)
    with pytest.raises(ValueError, match="unknown breach type"):
        m.eval_jsonl(['{"name": "x", "breaches": [{"type": "nope", "date": "2022-01-01", "severity": 1}]}'])
    with pytest.raises(KeyError):
        m.eval(scenarios=["no such scenario"])


def test_diff_matches_smr_diff():
    base = smr.Model.load(ruleset("online_safety", "rules_act.smr"))
    head = smr.Model.load(ruleset("online_safety"))
    d = base.diff(head)
    assert d["summary"] == {"changed": 29, "person_outcomes": 300, "scenarios_changed": 23,
                            "scenarios": 25}
    first = next(c for c in d["changes"] if c["person"] == "tsd_new")
    assert first["before"] == "none"


def test_check_returns_warnings_only():
    m = smr.Model.load(ruleset("uk_smcr"))
    assert all(d["severity"] != "error" for d in m.check())
