"""No network access and no pickle of user files anywhere in the package."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

import toolkit
from toolkit.pipeline import analyze
from toolkit.corpus import load_corpus

PKG = Path(toolkit.__file__).resolve().parent
HOSTILE_TXT = Path(__file__).parent / "fixtures" / "hostile" / "txt"
NETWORK_MODULES = {"socket", "urllib", "urllib2", "urllib3", "requests", "http", "httpx", "aiohttp", "ftplib",
                   "smtplib", "telnetlib", "xmlrpc", "websocket", "websockets", "paramiko"}
UNSAFE_CALLS = {("pickle", "load"), ("pickle", "loads"), ("pickle", "Unpickler"), ("marshal", "load"),
                ("marshal", "loads"), ("shelve", "open"), ("yaml", "unsafe_load"), ("yaml", "full_load"),
                ("joblib", "load"), ("dill", "load"), ("dill", "loads"), ("torch", "load")}


def _sources():
    files = sorted(PKG.rglob("*.py"))
    assert len(files) >= 10  # the scan really sees the package
    return [(f, ast.parse(f.read_text(encoding="utf-8"), str(f))) for f in files]


def _findings(tree: ast.AST) -> list[str]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in NETWORK_MODULES]
            out += [f"import {a.name}" for a in node.names if a.name.split(".")[0] in ("pickle", "marshal", "shelve")]
        elif isinstance(node, ast.ImportFrom) and node.module:
            root = node.module.split(".")[0]
            if root in NETWORK_MODULES or root in ("pickle", "marshal", "shelve"):
                out.append(f"from {node.module} import ...")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) in UNSAFE_CALLS:
                out.append(f"{node.value.id}.{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "read_pickle":
            out.append("pandas.read_pickle")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__":
            out.append("__import__(...)")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "load" \
                and any(k.arg == "Loader" and isinstance(k.value, ast.Attribute) and k.value.attr in
                        ("Loader", "UnsafeLoader", "FullLoader") for k in node.keywords):
            out.append("yaml.load with an unsafe Loader")
    return out


def test_safety_package_has_no_network_imports_and_no_unpickling():
    bad = {str(f.relative_to(PKG)): found for f, tree in _sources() if (found := _findings(tree))}
    assert bad == {}


def test_safety_the_scanner_catches_what_it_looks_for():
    sample = ("import socket\nimport urllib.request\nfrom http import client\nimport requests\n"
              "import pickle\nx = pickle.load(f)\nimport pandas as pd\npd.read_pickle('x')\n"
              "yaml.load(t, Loader=yaml.Loader)\n")
    found = _findings(ast.parse(sample))
    assert {"import socket", "import urllib.request", "from http import ...", "import requests", "import pickle",
            "pickle.load", "pandas.read_pickle", "yaml.load with an unsafe Loader"} <= set(found)


class _NoNetwork(RuntimeError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise _NoNetwork("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_safety_pipeline_runs_with_sockets_disabled(no_network, tmp_path):
    corpus = load_corpus(HOSTILE_TXT)
    results = analyze(corpus, cache=tmp_path / "cache", progress=False)
    again = analyze(corpus, cache=tmp_path / "cache", progress=False)  # the Parquet cache path as well
    assert len(results.articles) == len(corpus) > 0 and len(results.quotes) > 0
    assert again.quotes.equals(results.quotes)
    assert no_network == []


def test_safety_socket_patch_is_effective(no_network):
    with pytest.raises(_NoNetwork):
        socket.create_connection(("127.0.0.1", 9))
    assert len(no_network) == 1
