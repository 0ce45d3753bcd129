"""The README cannot drift: its commands exist, and every command is documented."""

import re

import typer
from typer.testing import CliRunner

from paths import ROOT
from reviewmine.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


def _documented() -> set[tuple[str, ...]]:
    block = README.split("## Commands", 1)[1].split("```")[1]
    out = set()
    for line in block.splitlines():
        tokens = line.split()
        if not tokens or tokens[0] != "reviewmine":
            continue
        cmd: list[str] = []
        for tok in tokens[1:3]:
            if not re.fullmatch(r"[a-z][a-z-]*", tok):
                break  # an argument, option or alternative list ends the command
            cmd.append(tok)
        out.add(tuple(cmd))
    return out


def _registered() -> set[tuple[str, ...]]:
    click_app = typer.main.get_command(app)
    out = set()
    for name, cmd in click_app.commands.items():
        out.add((name,))
        for sub in getattr(cmd, "commands", {}):
            out.add((name, sub))
    return out


def test_every_readme_command_exists():
    for cmd in _documented():
        res = runner.invoke(app, [*cmd, "--help"])
        assert res.exit_code == 0, (cmd, res.output)


def test_every_command_is_in_the_readme():
    documented = _documented()
    flat = {c[0] for c in documented}
    for cmd in _registered():
        if cmd[0] == "eval":
            assert re.search(
                rf"reviewmine eval [a-z|]*{cmd[1]}" if len(cmd) > 1 else "reviewmine eval", README
            ), cmd
        elif len(cmd) == 1:
            assert cmd[0] in flat, cmd
        else:
            assert cmd in documented or f"reviewmine {cmd[0]} {cmd[1]}" in README, cmd


def test_the_two_setup_commands_are_make_targets():
    makefile = (ROOT / "Makefile").read_text()
    assert "make demo" in README and "make test" in README
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (ROOT / ".ci" / "run").read_text()
