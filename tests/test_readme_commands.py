"""Every command line of README.md runs as written on a fresh copy of the repository, or is what CI runs;
the developer commands of ``docs/benchmarks.md`` and ``docs/training.md`` parse.

Commands are the lines of shell blocks (fenced ``bash`` or unlabelled) and the commands written in
backticks in the prose (``python -m toolkit ...``, ``python benchmarks/...``, ``make ...``, ``pip ...``,
and sub-commands written alone, ``validate demo``). The copy holds the files git tracks (and untracked
ones it does not ignore), a ``.venv`` of its own whose contents are those of the environment running
this suite (a fresh clone gets its own from ``make`` or the set-up by hand; the copy's make stamps say
installed only when the packages the Makefile would install are there), and ``../shared`` beside it
when the shared data is here. ``PYTHONPATH`` points at the copy, as an editable install of it would.

* **Run**: each fenced line and each complete prose command runs in bash from the copy's root, after
  ``. .venv/bin/activate`` once the README has said to activate (a reader follows it in one shell;
  prose commands come after "Command line" says to); the Python block of "In a notebook" runs as one
  script. Not run here: the lines matching :data:`NOT_RUN`, the set-up lines and ``make test``, which
  ``.ci/run`` runs as written on a fresh clone (checked line for line below). The README has no
  placeholders (a test fails on one): its prose says in words what a reader may change. ``make report``
  runs once for the suite, in a fresh copy of its own (the ``demo_reports`` fixture of
  ``conftest.py``): its exit status is checked here, and the notebook and browser tests read its
  reports, so each notebook executes once for all of them; the prose's ``python -m toolkit report``
  is that run's recipe (``make -n report``), so it is checked against it, not run twice. The README's
  other ``toolkit report`` lines (a filter, a user lexicon, three corpora) run after it, in its cache
  folder, where the validity notebook's validator figures are memoised (:mod:`toolkit.validate.memo`):
  their notebooks run, their figures are not computed twice (the memo keys paths under the repository
  and the shared folder relative to them, so the two fresh copies share its entries). Lines reading
  ``../shared`` skip with a reason when the shared data is absent.
* **Parsed**: every toolkit, benchmark and make command of the README and of the developer documents
  (:data:`DEV_DOCS`: benchmarks, training and the settings' cross-validation, minutes to tens of minutes
  of CPU, each command beside the figure it measures), run or not, by the parser that would read it:
  :func:`toolkit.cli.parse` (and a trainer's own ``add_arguments``), a benchmark's argparse parser (the
  script runs up to ``parse_args`` and stops there; one process parses every script's lines, one script
  after another, so the libraries they share load once), ``make -n`` (the toolkit commands of its recipe
  parsed in turn). In the developer documents' prose, capitalised words (``PATH``, ``CORPUS``, ``DAYS``)
  stand for the reader's values, ``[...]`` for optional options, a trailing ``...`` for more arguments
  (a required one may then be missing). A renamed sub-command or option fails; so does an option in the
  prose (``--base-model``) or in the option table that no parser has.
* **CI**: each fenced ``pip install`` line is a line of ``.ci/run`` (CI runs it on a fresh clone), the
  extras it names exist and its torch pin is the Makefile's; ``make test`` is the line ``.ci/run`` runs.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import once_per_session
from fresh_clone import REPORT_COMMAND, is_checkout, make_clone, missing_packages

from toolkit import cli
from toolkit.paths import shared_root

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SHELL = ("", "bash", "sh", "shell", "console")
PYTHON_SECTIONS = ("In a notebook",)  # the other Python blocks show a call with a file of the reader's own
NOT_RUN = {  # run verbatim by .ci/run on a fresh clone instead (test_readme_pip_lines_are_what_ci_runs)
    "pip install": "installs from the package index (network): .ci/run runs each fenced pip line as written on a "
                   "fresh clone (test_readme_pip_lines_are_what_ci_runs), and the environment running this suite "
                   "holds what they install",
    "make test": "is this suite: .ci/run runs `make test` as written (test_readme_pip_lines_are_what_ci_runs); "
                 "`make -n test` parses",
}
COVERED = {  # run in-process by another test, which checks more than an exit status (one run of it in the suite)
    "python -m toolkit validate real": "test_validate_real.py::test_validate_real_cli_on_the_dev_gold runs this command "
                                       "as written (its default gold, plus --json) and checks its figures; the default "
                                       "../shared beside a clone is read by make report's validity notebook "
                                       "(test_notebooks_execute_into_html[03_validity])",
}
DEV_DOCS = (REPO / "docs" / "benchmarks.md", REPO / "docs" / "training.md")  # parsed, not run: minutes of CPU each
NEEDS_SHARED = ("../shared/", "validate real")  # validate real reads its gold data from ../shared by default
ACTIVATE = re.compile(r"^(\.|source) \S*activate\b")
TOOLKIT = (["python", "-m", "toolkit"], [".venv/bin/python", "-m", "toolkit"], ["narrative-toolkit"],
           [".venv/bin/narrative-toolkit"])
TRAINERS = {"sentiment": "toolkit.sentiment.finetune", "quotes": "toolkit.quotes.tagger_train"}
MODULES = ("toolkit.sentiment.selection", "toolkit.validate.agreement", "toolkit.validate.factbank")  # `python -m MODULE` commands with an add_arguments parser
PLACEHOLDERS = {"PATH": "corpora/demo", "CORPUS": "corpora/demo", "DAYS": "30", "N": "1", "DIR": "out/parsed",
                "FILE": "examples/alignment.yml", "HEAD": "HEAD"}  # HEAD: git's own name, a real value
_PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]*\b(?!=)|\.\.\.|\[-")
# each benchmark or tools/ script up to its parse_args, once for each argument list (argv[1], JSON: [script, args]
# pairs, in order): the options parsed as the script would, then a stop; each run's exit status and stderr, as JSON
# on the last stdout line. Between runs sys.path is put back and the modules loaded from benchmarks/, tools/ and
# tests/ (helpers a script puts on its path) are dropped, so a script imports its own helpers as it would alone;
# the libraries stay loaded (the same modules a run alone would import).
PARSE_ONLY = """import argparse, contextlib, io, json, os, runpy, sys, traceback
def parse_only(self, args=None, namespace=None):
    ns, extra = self.parse_known_args(args, namespace)
    if extra:
        self.error("unrecognized arguments: " + " ".join(extra))
    print("parsed by", self.prog, file=sys.stderr)
    sys.exit(0)
argparse.ArgumentParser.parse_args = parse_only
local = tuple(os.path.realpath(d) + os.sep for d in ("benchmarks", "tools", "tests"))
path, results = list(sys.path), []
for script, args in json.loads(sys.argv[1]):
    sys.argv, err, code = [script, *args], io.StringIO(), 0
    with contextlib.redirect_stderr(err):
        try:
            runpy.run_path(script, run_name="__main__")
        except SystemExit as exc:
            code = exc.code
        except BaseException:
            traceback.print_exc()
            code = 1
    results.append([code, err.getvalue()[-3000:]])
    sys.path[:] = path
    for name in [n for n, m in sys.modules.items() if os.path.realpath(getattr(m, "__file__", None) or "/").startswith(local)]:
        del sys.modules[name]
print("\\n" + json.dumps(results))
"""


@dataclass(frozen=True)
class Command:
    line: str  # as written, without its trailing comment
    activated: bool  # the environment is active by then
    fenced: bool

    @property
    def argv(self) -> list[str]:
        return shlex.split(self.line)

    @property
    def template(self) -> bool:
        return bool(_PLACEHOLDER.search(self.line))


def _blocks(text: str) -> list[tuple[str, str, str]]:
    """(section, language, body) of every fenced block, in order."""
    out, section = [], ""
    for m in re.finditer(r"^## ([^\n]+)$|^```(\w*)\n(.*?)^```", text, re.M | re.S):
        if m.group(1):
            section = m.group(1).strip()
        else:
            out.append((section, m.group(2), m.group(3)))
    return out


def _uncommented(line: str) -> str:
    """The line without a trailing ``# comment`` (a ``#`` outside quotes, after a space)."""
    quote = None
    for i, ch in enumerate(line):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip()
    return line.rstrip()


def _prose_spans(doc: Path = README) -> list[str]:
    """Every backtick span outside the fenced blocks, its whitespace (line breaks too) made single spaces."""
    prose = re.sub(r"^```.*?^```", "", doc.read_text(encoding="utf-8"), flags=re.M | re.S)
    return [" ".join(m.group(1).split()) for m in re.finditer(r"`([^`]+)`", prose)]


def _toolkit_argv(argv: list[str]) -> list[str] | None:
    prefix = next((p for p in TOOLKIT if argv[:len(p)] == p), None)
    return argv[len(prefix):] if prefix else None


def _is_command(span: str) -> bool:
    words = span.split()
    if any(words[:len(p)] == p for p in TOOLKIT):
        return len(words) > max(len(p) for p in TOOLKIT if words[:len(p)] == p)  # `python -m toolkit` names it
    return len(words) > 1 and words[0] in ("python", ".venv/bin/python", "make", "pip", ".venv/bin/pip")


def _commands(doc: Path = README) -> list[Command]:
    """The fenced shell lines in order, then the prose commands not already among them."""
    out, activated = [], doc != README  # the developer documents say to activate first
    for _section, lang, body in _blocks(doc.read_text(encoding="utf-8")):
        if lang not in SHELL:
            continue
        for line in map(_uncommented, body.splitlines()):
            line = line.strip()
            if not line:
                continue
            if ACTIVATE.match(line):
                activated = True
            out.append(Command(line, activated, True))
    seen = {c.line for c in out}
    for span in _prose_spans(doc):
        if _is_command(span) and span not in seen:
            seen.add(span)
            out.append(Command(span, True, False))
    return out


def _why_not(command: Command) -> str | None:
    return next((why for pattern, why in NOT_RUN.items() if pattern in command.line), None)


def _covered(command: Command) -> str | None:
    return COVERED.get(command.line)


COMMANDS = _commands()
DEV_COMMANDS = [(doc.name, c) for doc in DEV_DOCS for c in _commands(doc)]
SUBCOMMANDS = frozenset(cli.build_parser()._subparsers._group_actions[0].choices)  # the parser built once, not per span
SHORTHANDS = [*dict.fromkeys(s for doc in (README, *DEV_DOCS) for s in _prose_spans(doc)
              if s.split()[0] in SUBCOMMANDS
              and len(s.split()) > 1)]  # sub-commands named in prose (`validate demo`): python -m toolkit left out


def _corpora(command: Command) -> tuple[str, ...]:
    """The corpus paths of a toolkit ``analyze`` or ``report`` line (after ``--corpus`` for report)."""
    argv = _toolkit_argv(command.argv) or [""]
    words = argv[argv.index("--corpus") + 1:] if argv[0] == "report" and "--corpus" in argv else argv[1:]
    return tuple(w for w in words[:next((i for i, w in enumerate(words) if w.startswith("-")), len(words))])


REPORTS = [c for c in COMMANDS if (_toolkit_argv(c.argv) or [""])[0] == "report"]
IN_REPORT_CACHE = REPORTS + [c for c in COMMANDS if (_toolkit_argv(c.argv) or [""])[0] == "analyze"
                             and any(_corpora(c) == _corpora(r) for r in REPORTS)]
"""The report lines and the analyze lines of the same corpora, run in ``make report``'s cache folder: the
report lines reuse its memoised validator figures, and a report of the same selection and options as an
analyze line reuses that line's analysis (the same cache key)."""


def _ids(commands) -> list[str]:
    return [("" if c.fenced else "prose: ") + c.line[:60] for c in commands]


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    """A fresh copy of the working tree with a .venv and ../shared beside it; the environment to run in."""
    if not is_checkout():
        pytest.skip("not a git checkout: the files of a fresh clone are unknown")
    root = tmp_path_factory.mktemp("fresh") / "narrative-toolkit"
    # an analysis is a pure function of its inputs, so a cache the caller set is reused (shared-data lines)
    env = make_clone(root, Path(os.environ.get("NARRATIVE_CACHE") or root.parent / "cache"))
    return root, env


def _script_runs(commands) -> dict[str, list[tuple[str, ...]]]:
    """The benchmark and tools/ scripts that ``commands`` run, each with its argument lists (as
    :func:`test_readme_command_parses` reads them), in order, once each."""
    runs: dict[str, list[tuple[str, ...]]] = {}
    for command in commands:
        for segment in re.split(r"\s*&&\s*", command.line):
            try:
                argv, _elided = _concrete(shlex.split(segment))
            except AssertionError:  # a placeholder without a value: the test of that line says so
                continue
            if argv[:1] in (["python"], [".venv/bin/python"]) and argv[1:2] and argv[1].startswith(("benchmarks/", "tools/")):
                runs.setdefault(argv[1], [])
                if tuple(argv[2:]) not in runs[argv[1]]:
                    runs[argv[1]].append(tuple(argv[2:]))
    return runs


@pytest.fixture(scope="module")
def script_parse(clone, tmp_path_factory):
    """``parse(script, *args)``: (exit status, stderr) of that script run up to its ``parse_args``
    (:data:`PARSE_ONLY`) in a fresh copy. Every script's command lines run in one process, one script after
    another, once per test session (``once_per_session``, conftest.py: the first pytest-xdist worker to ask
    runs it in its copy, the others read its results; every copy holds the same files): the 20 scripts' 34
    lines took 3.5 CPU-s so, against 10.1 with one process per script (most of it each process importing
    the toolkit, scikit-learn or torch again; measured on the 2-core machine). A line not among them runs
    alone."""
    root, env = clone

    def run(pairs) -> list[list]:
        ran = subprocess.run([sys.executable, "-c", PARSE_ONLY, json.dumps(pairs)], cwd=root, env=env,
                             capture_output=True, text=True, timeout=600)
        last = ran.stdout.splitlines()[-1] if ran.returncode == 0 and ran.stdout.strip() else ""
        results = json.loads(last) if last.startswith("[") else [(ran.returncode, ran.stderr[-3000:])] * len(pairs)
        return [[script, list(args), *r] for (script, args), r in zip(pairs, results)]

    runs = _script_runs(COMMANDS + [c for _doc, c in DEV_COMMANDS])
    every = once_per_session(tmp_path_factory, "script-parse",
                             lambda _folder: run([(name, line) for name, lines in runs.items() for line in lines]))
    done = {(script, *args): (code, err) for script, args, code, err in every}

    def parse(script: str, *args: str) -> tuple[int, str]:
        if (script, *args) not in done:
            done.update({(s, *a): (c, e) for s, a, c, e in run([(script, args)])})
        return done[(script, *args)]

    return parse


def test_readme_has_commands_and_runs_all_but_what_ci_runs():
    fenced, prose = [c for c in COMMANDS if c.fenced], [c for c in COMMANDS if not c.fenced]
    assert len(fenced) >= 10 and len(prose) >= 3
    templates = [c.line for c in COMMANDS if c.template]
    assert not templates, f"README commands with placeholders (write a real path, the rest in words): {templates}"
    not_run = [c.line for c in COMMANDS if _why_not(c)]
    assert all("pip install" in line or line == "make test" for line in not_run), not_run  # .ci/run runs them
    assert any(c.line == "make report" and _why_not(c) is None for c in COMMANDS)
    assert {c.line for c in COMMANDS if _covered(c)} == set(COVERED), "a COVERED line is no longer in the README"
    assert any("analyze" in c.line and "--lexicon" in c.line for c in COMMANDS)
    # the workflow: three corpora to a filtered, custom-camp, exported comparison and its report
    for sub in ("analyze", "report"):
        assert any(_toolkit_argv(c.argv)[:1] == [sub] and c.line.count("../shared/corpora/") == 3
                   and all(o in c.argv for o in ("--since", "--match", "--lexicon", "--alignment", "--out"))
                   for c in COMMANDS if _toolkit_argv(c.argv)), sub
    written = "\n".join(c.line for c in prose)
    assert all(w in written for w in ("validate real", "cache --prune", "toolkit report"))
    assert not any("benchmarks/" in c.line or "tools/" in c.line or " train " in c.line
                   or "toolkit.sentiment.selection" in c.line for c in COMMANDS), "developer commands belong in docs/benchmarks.md or docs/training.md"


def test_readme_developer_documents_hold_every_benchmark_and_trainer():
    text = README.read_text(encoding="utf-8")
    assert all(f"docs/{doc.name}" in text for doc in DEV_DOCS), "the README links each developer document"
    lines = [c.line for _doc, c in DEV_COMMANDS]
    scripts = sorted(p.name for p in (REPO / "benchmarks").glob("*.py"))
    named = {s for s in scripts if any(f"benchmarks/{s}" in line for line in lines)}
    assert named == set(scripts), f"benchmarks no developer document gives a command for: {sorted(set(scripts) - named)}"
    for what in ("train sentiment", "train quotes", "toolkit.sentiment.selection", "make report CORPUS="):
        assert any(what in line for line in lines), what


@pytest.mark.parametrize("command", COMMANDS, ids=_ids(COMMANDS))
def test_readme_command_runs_as_written(clone, command, request):
    why = _why_not(command) or _covered(command)
    if why:
        pytest.skip(why)
    if any(s in command.line for s in NEEDS_SHARED) and not shared_root().exists():
        pytest.skip(f"shared data not found: {shared_root()} (set NARRATIVE_SHARED)")
    root, env = clone
    if command.line != REPORT_COMMAND and _toolkit_argv(command.argv) == ["report"]:  # make report's recipe
        assert _make_recipes(root, env, "report") == [[".venv/bin/python", "-m", "toolkit", "report"]]
        command = Command(REPORT_COMMAND, command.activated, command.fenced)  # the same run: checked as it
    if command.line == REPORT_COMMAND:  # run once for the suite: the notebook and browser tests read its reports
        built = request.getfixturevalue("demo_reports")
        if not built["made"]:
            pytest.skip("no make, or this environment lacks packages `make report` would install (network): "
                        + ", ".join(missing_packages(root / "pyproject.toml", ("trained", "notebooks"))))
        assert built["command"] == command.line
        assert built["returncode"] == 0, f"{command.line}\nexit {built['returncode']}\n{built['stderr']}"
        assert "Traceback" not in built["stderr"]
        return
    if command in IN_REPORT_CACHE:  # after make report, in its cache: the validators' figures are memoised there
        env = {**env, "NARRATIVE_CACHE": request.getfixturevalue("demo_reports")["cache"]}
    script = (". .venv/bin/activate\n" if command.activated and not ACTIVATE.match(command.line) else "")
    done = subprocess.run(["bash", "-c", "set -o pipefail\n" + script + command.line], cwd=root, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command.line}\nexit {done.returncode}\n{done.stderr[-3000:]}"
    assert "Traceback" not in done.stderr


def _concrete(argv: list[str]) -> tuple[list[str], bool]:
    """A prose template's words with example values, and whether it ends in ``...`` (more arguments)."""
    elided = bool(argv) and argv[-1].endswith("...")
    out = []
    for word in argv:
        word = word.removesuffix("...")
        if word.startswith("[-") or (word.endswith("]") and "[" not in word):  # [--older-than DAYS]
            word = word.strip("[]")
        if word:
            assert not re.fullmatch(r"[A-Z][A-Z_]*", word) or word in PLACEHOLDERS, \
                f"placeholder {word}: give it an example value in PLACEHOLDERS"
            out.append(PLACEHOLDERS.get(word, word))
    return out, elided


def _parse_toolkit(argv: list[str], elided: bool) -> None:
    """``argv`` (after ``python -m toolkit``) parsed as :func:`toolkit.cli.main` and the trainer would."""
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            args = cli.parse(argv)
            if getattr(args, "passes_options", False):
                trainer = importlib.import_module(TRAINERS[args.model])
                trainer.add_arguments(argparse.ArgumentParser(prog=f"train {args.model}")).parse_args(args.options)
    except SystemExit as exc:
        if not (elided and "the following arguments are required" in err.getvalue()):
            pytest.fail(f"python -m toolkit {shlex.join(argv)}: exit {exc.code}\n{err.getvalue()}")


def _make_recipes(root: Path, env: dict, *targets: str) -> list[list[str]]:
    """The toolkit commands ``make -n TARGETS`` would run in ``root``, each split as the shell would."""
    done = subprocess.run(["make", "-n", *targets], cwd=root, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"make -n {shlex.join(targets)}\n{done.stderr}"
    return [shlex.split(line) for line in done.stdout.splitlines() if " -m toolkit " in f"{line} "]


@pytest.mark.parametrize("command", COMMANDS + [c for _doc, c in DEV_COMMANDS],
                         ids=_ids(COMMANDS) + [f"{doc}: {i}" for (doc, c) in DEV_COMMANDS for i in _ids([c])])
def test_readme_command_parses(clone, script_parse, command):
    root, env = clone
    parsed = 0
    for segment in re.split(r"\s*&&\s*", command.line):
        argv, elided = _concrete(shlex.split(segment))
        parsed += 1
        if (rest := _toolkit_argv(argv)) is not None:
            _parse_toolkit(rest, elided)
        elif argv[0] in ("python", ".venv/bin/python") and argv[1].startswith(("benchmarks/", "tools/")):
            assert (root / argv[1]).is_file(), f"{argv[1]}: no such script"
            code, stderr = script_parse(*argv[1:])
            assert code == 0 and "parsed by" in stderr, f"{segment}\nexit {code}\n{stderr}"
        elif argv[0] == "make":
            if shutil.which("make") is None:
                pytest.skip("no make on this machine")
            done = subprocess.run(["make", "-n", *argv[1:]], cwd=root, env=env, capture_output=True, text=True,
                                  timeout=60)
            assert done.returncode == 0, f"make -n {shlex.join(argv[1:])}\n{done.stderr}"
            recipe = [shlex.split(line) for line in done.stdout.splitlines() if " -m toolkit " in f"{line} "]
            if argv[1:2] == ["test"]:
                assert " -m pytest " in done.stdout, done.stdout
            else:
                assert recipe, f"make {argv[1]} runs no toolkit command:\n{done.stdout}"
            for called in recipe:
                _parse_toolkit(_toolkit_argv(called), False)
                for path in called[called.index("--corpus") + 1:] if "--corpus" in called else ():
                    if not path.startswith("-") and (shared_root().exists() or "../shared" not in path):
                        assert (root / path).exists(), f"make {shlex.join(argv[1:])}: {path} does not exist"
        elif "pip" in argv[0] or argv[:3] == ["python3", "-m", "venv"] or ACTIVATE.match(segment):
            parsed -= 1
        elif argv[:2] == ["python", "-m"] and argv[2] in MODULES:
            importlib.import_module(argv[2]).add_arguments(argparse.ArgumentParser()).parse_args(argv[3:])
        else:
            pytest.fail(f"{segment}: no parser known for this command (add one here)")
    if not parsed:
        pytest.skip("set-up lines (venv, pip, activate): test_readme_pip_lines_are_what_ci_runs checks them")


@pytest.mark.parametrize("shorthand", SHORTHANDS)
def test_readme_shorthand_command_parses(shorthand):
    _parse_toolkit(*_concrete(shlex.split(shorthand)))


def _options(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of ``parser`` and its sub-commands."""
    out = set()
    for action in parser._actions:
        out |= {o for o in action.option_strings if o.startswith("--")}
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out |= _options(sub)
    return out


def test_readme_options_in_the_prose_exist():
    parser = cli.build_parser()
    every = _options(parser).union(*(_options(importlib.import_module(m).add_arguments(argparse.ArgumentParser()))
                                     for m in (*TRAINERS.values(), *MODULES)))
    spans = [s for doc in (README, *DEV_DOCS) for s in _prose_spans(doc) if s.startswith("--")]
    assert len(spans) >= 15
    written = {w for s in spans for w in re.findall(r"(?<![\w-])--[a-z][a-z-]*", s)}
    assert not written - every, f"options in the README that no parser has: {sorted(written - every)}"
    # the option table of "Command line": analyze takes each option, report too unless the row says otherwise
    sub = parser._subparsers._group_actions[0].choices
    table = re.search(r"^\| option \| what \|\n(.*?)\n\n", README.read_text(encoding="utf-8"), re.M | re.S).group(1)
    rows = [row for row in table.splitlines() if row.startswith("| `")]
    assert len(rows) >= 8
    for row in rows:
        names = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", row.split("|")[1]))
        assert names and names <= _options(sub["analyze"]), row
        assert "`analyze` only" in row or names <= _options(sub["report"]), row
    formats = next(a.choices for a in sub["analyze"]._actions if "--format" in a.option_strings)
    assert f"`--format {'|'.join(formats)}`".replace("|", "\\|") in table


def test_readme_pip_lines_are_what_ci_runs():
    ci = [line.strip() for line in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    pip = [c.line for c in COMMANDS if c.fenced and "pip install" in c.line]
    assert len(pip) >= 4
    missing = [line for line in pip if line not in ci]
    assert not missing, f"README pip lines that .ci/run does not run as written: {missing}"
    assert "make test" in ci and "make report" in [c.line for c in COMMANDS if c.fenced]
    extras = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    for line in pip:
        for named in re.findall(r'"\.\[([\w,-]+)\]"', line):
            assert set(named.split(",")) <= set(extras), f"{line}: no such extra in pyproject.toml"
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    pins = set(re.findall(r"torch==[\w.+]+", makefile))
    assert pins and pins >= set(re.findall(r"torch==[\w.+]+", "\n".join(pip))), "torch pin differs from the Makefile"


def test_readme_python_example_runs_as_written(clone):
    root, env = clone
    blocks = [body for section, lang, body in _blocks(README.read_text(encoding="utf-8"))
              if lang == "python" and section in PYTHON_SECTIONS]
    assert blocks, f"no python block under {PYTHON_SECTIONS}"
    for body in blocks:
        done = subprocess.run([sys.executable, "-c", body], cwd=root, env=env, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
    assert (root / "out" / "demo.xlsx").exists() and (root / "out" / "demo-csv" / "quotes.csv").exists()


def test_readme_selection_command_runs_on_a_small_train_file(tmp_path):
    """``python -m toolkit.sentiment.selection TRAIN`` as docs/training.md runs it (a subprocess), on a
    NewsMTSC-shaped file of sentences written here: one table line per configuration of the grid."""
    from toolkit.sentiment.selection import GRID

    sentences = (("The generous Orlov won warm praise.", 6.0), ("The cruel Orlov faced harsh blame.", 2.0),
                 ("Orlov arrived on Tuesday.", 4.0))
    path = tmp_path / "train.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for n in range(20):  # twenty articles, each with the three sentences: every fold holds every label
            for i, (text, polarity) in enumerate(sentences):
                start = text.index("Orlov")
                fh.write(json.dumps({"primary_gid": f"doc_{n}_x_{i}", "sentence_normalized": text,
                                     "targets": [{"from": start, "to": start + 5, "polarity": polarity}]}) + "\n")
    done = subprocess.run([sys.executable, "-m", "toolkit.sentiment.selection", str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    *table, last = done.stdout.splitlines()
    assert len(json.loads(last)) == len(table) == len(GRID)
    assert all(re.match(r"\d\.\d{4} \+- \d\.\d{4}  ", line) for line in table), table
