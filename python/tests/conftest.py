import os
import pathlib

import pytest

SOURCE = pathlib.Path(os.environ.get("SMR_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
BINARY = os.environ.get("SMR_BINARY", str(SOURCE / "build" / "cli" / "smr"))


@pytest.fixture
def example():
    return [str(SOURCE / "rulesets" / "example" / "example.smr")]


def ruleset(name, rules="rules.smr"):
    d = SOURCE / "rulesets" / name
    return [str(d / "regime.smr"), str(d / rules), str(d / "org.smr"), str(d / "scenarios.smr")]
