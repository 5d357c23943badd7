"""Every command imports its modules when it runs: ``--help`` loads no toolkit module but the CLI's own
and no heavy library; ``quotes``, ``corpus`` and ``validate`` never load the trainer nor torch; the
trainer still parses its own options (``train sentiment --help``)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from toolkit.cli import main

# Runs the command line in a fresh interpreter and prints the modules it loaded (a SystemExit, as
# --help raises, still prints them).
PROBE = """
import json, sys
from toolkit.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
sys.stdout = sys.__stdout__
print(json.dumps(sorted(sys.modules)))
"""
HEAVY = {"torch", "transformers", "sklearn", "pyarrow", "pandas", "numpy", "scipy", "seaborn", "matplotlib",
         "dask", "syntok", "yaml"}
TRAINING = {"torch", "transformers", "safetensors"}


def _loaded(*argv: str, cwd=None) -> set[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True,
                         cwd=cwd).stdout
    return set(json.loads(out.splitlines()[-1]))


def _top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_cli_help_loads_only_the_cli():
    loaded = _loaded("--help")
    assert not _top(loaded) & HEAVY, _top(loaded) & HEAVY
    own = {"toolkit", "toolkit.cli", "toolkit.commands", "toolkit.paths"}  # the parser, the commands, paths
    assert {m for m in loaded if m.startswith("toolkit")} == own


def test_cli_parser_hands_each_command_to_its_function_in_commands():
    """The parser (toolkit.cli) and the commands' work (toolkit.commands) are two modules: each sub-command
    (``train``'s two trainers included) runs ``commands.run_<name>``, and every such function has a sub-command."""
    from toolkit import cli, commands

    argv = {"corpus": ["corpus", "x"], "quotes": ["quotes", "x"], "speakers": ["speakers", "x"],
            "analyze": ["analyze", "x", "--out", "y"], "cache": ["cache"], "validate": ["validate", "demo"],
            "train_sentiment": ["train", "sentiment"], "train_quotes": ["train", "quotes"], "report": ["report"]}
    assert {name for name in commands.__all__ if name.startswith("run_")} == {f"run_{n}" for n in argv}
    for name, args in argv.items():
        assert cli.parse(args).func is getattr(commands, f"run_{name}"), name


# Own sentences in the Szeged layout: `validate hedging` reads and scores them as it would the shared
# gold (every module of its path loads), in a second rather than the 40 CPU-s of factbank-dev.
MINI_SZEGED = """<?xml version="1.0" encoding="UTF-8"?>
<Annotation><DocumentSet><Document><DocID>mini</DocID><DocumentPart>\
<Sentence id="S1">The envoy <ccue type="speculation_modal_probable_">might</ccue> resign.</Sentence>\
<Sentence id="S2">The convoy reached the town at noon.</Sentence></DocumentPart></Document></DocumentSet></Annotation>
"""


@pytest.mark.parametrize("argv", [("quotes", "{demo}/novosti_2015-10-03_shoigu-idlib-hama.txt"),
                                  ("corpus", "{demo}"), ("validate", "demo"),
                                  ("validate", "hedging", "--szeged", "{tmp}/mini.xml")],
                         ids=["quotes", "corpus", "validate demo", "validate hedging"])
def test_cli_commands_never_load_the_trainer(repo, argv, tmp_path):
    (tmp_path / "mini.xml").write_text(MINI_SZEGED, encoding="utf-8")
    loaded = _loaded(*(a.format(demo=repo / "corpora" / "demo", tmp=tmp_path) for a in argv), cwd=repo)
    if argv[1:2] == ("hedging",):
        assert "toolkit.validate.szeged" in loaded  # its validator, given a file to score, was loaded
    assert not _top(loaded) & TRAINING, _top(loaded) & TRAINING
    assert "toolkit.sentiment.finetune" not in loaded


def test_cli_train_sentiment_parses_the_trainer_options(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["train", "sentiment", "--help"])
    assert exit_.value.code == 0
    assert "--newsmtsc" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["train", "sentiment", "--newsmtsc", "x", "--no-such-option"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err


def test_cli_other_commands_refuse_unknown_options(capsys, repo):
    with pytest.raises(SystemExit) as exit_:
        main(["corpus", str(repo / "corpora" / "demo"), "--no-such-option"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --no-such-option" in capsys.readouterr().err
