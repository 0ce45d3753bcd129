"""What a cold ``reviewmine search`` loads before it answers.

A scrutineer runs one search per process, so its start-up is most of its time: the
search commands register only their own module's commands, start OpenBLAS on one
thread and run without the cyclic garbage collector; every other command (and
``from reviewmine.cli import app``) sees the whole command line.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from reviewmine.cli import _subcommand, main
from test_search import _db

_REPORT = """
import json, os, sys
from reviewmine.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
finally:
    print("REPORT=" + json.dumps({
        "cli": sorted(m for m in sys.modules if m.startswith("reviewmine.cli.")),
        "heavy": sorted(m for m in ("torch", "sklearn", "spacy", "jinja2", "starlette", "rich")
                        if m in sys.modules),
        "openblas": os.environ.get("OPENBLAS_NUM_THREADS"),
    }), file=sys.stderr)
"""


def _run(*argv: str, env: dict[str, str] | None = None) -> tuple[str, dict]:
    import os

    proc = subprocess.run(
        [sys.executable, "-c", _REPORT, *argv],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    line = next(x for x in proc.stderr.splitlines() if x.startswith("REPORT="))
    return proc.stdout, json.loads(line.removeprefix("REPORT="))


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["search", "neglect"], "search"),
        (["--db", "x.db", "search", "neglect"], "search"),
        (["--db=x.db", "--config", "c.toml", "similar", "abc:1"], "similar"),
        (["--config", "search", "docs"], "docs"),  # an option's value is not the command
        (["--version"], None),
        ([], None),
    ],
)
def test_the_subcommand_is_found_after_the_global_options(argv, command):
    assert _subcommand(argv) == command


def test_a_cold_search_loads_only_the_search_commands_and_no_heavy_library(tmp_path):
    db = _db(tmp_path)
    argv = ["search", "missing children", "--db", str(db), "--embedder", "hashing"]
    out, report = _run(*argv, "--format", "json")
    assert report["cli"] == ["reviewmine.cli._app", "reviewmine.cli.search"]
    assert report["heavy"] == []
    assert report["openblas"] == "1"
    # The same hits as through the app with every command registered.
    from reviewmine.cli import app

    full = CliRunner().invoke(app, [*argv, "--format", "json"])
    assert full.exit_code == 0 and json.loads(out) == json.loads(full.stdout)
    assert json.loads(out)  # not an empty answer compared with an empty answer


def test_a_users_openblas_setting_is_kept_and_other_commands_load_everything(tmp_path):
    db = _db(tmp_path)
    _, report = _run(
        "search", "neglect", "--db", str(db), "--mode", "keyword", env={"OPENBLAS_NUM_THREADS": "2"}
    )
    assert report["openblas"] == "2"
    _, report = _run("docs", "--db", str(db), env={"OPENBLAS_NUM_THREADS": ""})
    assert "reviewmine.cli.documents" in report["cli"] and "reviewmine.cli.tracker" in report["cli"]
    assert report["openblas"] == ""
    # index (long, bulk) loads only the search module but keeps BLAS as it was
    _, report = _run(
        "index", "--db", str(db), "--embedder", "hashing", env={"OPENBLAS_NUM_THREADS": ""}
    )
    assert report["cli"] == ["reviewmine.cli._app", "reviewmine.cli.search"]
    assert report["openblas"] == ""


def test_help_after_a_search_in_the_same_process_lists_every_command(tmp_path, capsys):
    db = _db(tmp_path)
    with pytest.raises(SystemExit) as done:
        main(["search", "neglect", "--db", str(db), "--mode", "keyword", "--format", "json"])
    assert done.value.code == 0
    assert gc.isenabled()  # switched off for the search only
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    for command in ("ingest", "docs", "search", "serve", "match", "tracker", "eval"):
        assert f"  {command} " in listed, command


@pytest.mark.slow
@pytest.mark.parametrize(
    "bad", [["--kind", "bogus"], ["--since", "last year"], ["--db", "{tmp}/missing.db"]]
)
def test_a_search_that_fails_while_the_model_loads_exits_with_its_message(tmp_path, bad):
    """The model starts loading before the options are checked and the store opened; an
    early error must still end in the one-line message and exit 2, not in ONNX Runtime
    aborting the process under a load in progress."""
    db = _db(tmp_path)
    argv = ["search", "missing children", "--db", str(db)]
    argv += [a.replace("{tmp}", str(tmp_path)) for a in bad]
    for _ in range(3):  # the abort depended on timing
        proc = subprocess.run(
            [sys.executable, "-c", "from reviewmine.cli import main; main()", *argv],
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.startswith("error [") and "terminate" not in proc.stderr
