"""smr for Python: load a regime, evaluate scenarios, compare two versions.

    import smr
    m = smr.Model.load(["rulesets/example/example.smr"])
    results = m.eval()                  # one dict per scenario, as `smr eval --format json`
    smr.to_dataframe(results)           # one row per (scenario, person), with pandas

Money is exact: every fine is a decimal.Decimal, never a float. Evaluation
runs on the model's threads with the GIL released.
"""
from decimal import Decimal
import json

from . import _smr

__all__ = ["Model", "ModelError", "to_dataframe"]


class ModelError(Exception):
    """The model has errors (or a file cannot be read); `.diagnostics` holds
    each as a dict: file, line, column, severity, message, text."""

    def __init__(self, diagnostics):
        self.diagnostics = list(diagnostics)
        errors = [d for d in self.diagnostics if d["severity"] == "error"]
        first = errors[0]["text"].rstrip() if errors else "the model has errors"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(first + more)


def _exact(result):
    """Turns the money strings of one result into Decimals."""
    for person in result.get("persons", []):
        person["fine"] = Decimal(person["fine"])
        for reason in person.get("reasons", []):
            for key in ("fine", "fined", "cap", "removed"):
                if key in reason:
                    reason[key] = Decimal(reason[key])
    return result


def _lines(scenarios):
    for s in scenarios:
        yield s if isinstance(s, str) else json.dumps(s)


class Model:
    """A compiled model: the files of a regime, its org(s) and scenarios."""

    def __init__(self, native):
        self._native = native

    @classmethod
    def load(cls, files, org_json=None, jobs=0):
        """Compiles `files` (imports are followed); `org_json` adds orgs from
        HR exports; `jobs` threads (0: every core). Raises ModelError."""
        if isinstance(files, str):
            files = [files]
        native, diagnostics = _smr.load([str(f) for f in files],
                                        [str(f) for f in (org_json or [])], int(jobs))
        if native is None:
            raise ModelError(diagnostics)
        model = cls(native)
        model._diagnostics = diagnostics
        return model

    def check(self):
        """The model's warnings (errors raise on load), as dicts."""
        return list(self._diagnostics)

    def eval_text(self, scenarios=None, explain=False, all_persons=False):
        """The JSON lines `smr eval --format json` prints, one per scenario."""
        titles = [scenarios] if isinstance(scenarios, str) else list(scenarios or [])
        return self._native.eval_json(titles, bool(explain), bool(all_persons))

    def eval(self, scenarios=None, explain=False, all_persons=False):
        """Evaluates the model's scenarios (all, or those titled); a dict per
        scenario shaped like the JSON output, fines as Decimal."""
        return [_exact(json.loads(t)) for t in self.eval_text(scenarios, explain, all_persons)]

    def eval_jsonl_text(self, lines, explain=False):
        """Streamed scenarios (JSON strings or dicts, the `--scenarios-jsonl`
        format) to the JSON lines `smr eval --scenarios-jsonl` prints.
        A malformed scenario raises ValueError with its diagnostics."""
        return self._native.eval_jsonl(list(_lines(lines)), bool(explain))

    def eval_jsonl(self, lines, explain=False):
        """As eval_jsonl_text, as dicts with Decimal fines."""
        return [_exact(json.loads(t)) for t in self.eval_jsonl_text(lines, explain)]

    def diff(self, head):
        """What changes from this model (the base) to `head` on the scenarios
        both hold, by title: {"changes": [...], "summary": {...}}."""
        return _smr.diff(self._native, head._native)


def to_dataframe(results):
    """One row per (scenario, person) of eval results, as a pandas DataFrame
    (pandas is imported only here). Fines stay Decimal (object column)."""
    import pandas as pd

    rows = []
    for r in results:
        for p in r["persons"]:
            rows.append({"scenario": r["scenario"], "org": r["org"], "person": p["id"],
                         "name": p["name"], "outcome": p["outcome"], "censure": p["censure"],
                         "fine": Decimal(p["fine"]), "disqualification": p["disqualification"],
                         "criminal": p["criminal"]})
    columns = ["scenario", "org", "person", "name", "outcome", "censure", "fine",
               "disqualification", "criminal"]
    return pd.DataFrame(rows, columns=columns)
