"""Open the reports in headless Chromium (DevTools protocol): console errors, what is visible, screenshots.

A small client of the Chrome DevTools Protocol over ``websocket-client`` (kept with the tests: the
package itself opens no sockets, ``tests/test_safety_network.py``): :class:`Browser` starts
Debian's ``chromium`` headless with a throw-away profile and no network use beyond the local
DevTools socket, :meth:`Browser.open` loads a page (``file://``) and collects its console errors
and uncaught exceptions, :meth:`Browser.evaluate` runs JavaScript (awaiting promises) and
:meth:`Browser.screenshot` writes a PNG of the page. The browser test (``tests/test_report_browser.py``)
and ``benchmarks/explorer.py`` use it.

Limits: needs a ``chromium`` (or ``chromium-browser``/``google-chrome``) executable
(:func:`find_chromium` returns ``None`` otherwise); one page at a time.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

__all__ = ["find_chromium", "Browser", "PageErrors"]

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of a Chromium executable, or ``None``."""
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class PageErrors(list):
    """Console errors and uncaught exceptions of the current page (strings)."""


class Browser:
    """A headless Chromium with one page, driven over the DevTools protocol (use as a context manager)."""

    def __init__(self, executable: str | None = None, width: int = 1280, height: int = 900, timeout: float = 60):
        import websocket

        executable = executable or find_chromium()
        if not executable:
            raise FileNotFoundError("no chromium executable found (apt-get install chromium)")
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="report-chromium-")
        self._proc = subprocess.Popen(
            [executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
             "--allow-file-access-from-files", "--remote-debugging-port=0", f"--user-data-dir={self._profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        endpoint = self._endpoint()
        port = endpoint.split("/")[2].rsplit(":", 1)[1]
        pages = json.loads(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10).read())
        page = next(p for p in pages if p.get("type") == "page")
        self._ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=timeout, suppress_origin=True)
        self._id = 0
        self.errors = PageErrors()
        self._events: list[dict] = []
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=False)

    def _endpoint(self) -> str:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            line = self._proc.stderr.readline()
            if "DevTools listening on" in line:
                return line.split("DevTools listening on", 1)[1].strip()
            if not line and self._proc.poll() is not None:
                break
        raise RuntimeError("chromium did not start its DevTools endpoint")

    def _record(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            d = params["exceptionDetails"]
            self.errors.append(f"exception: {d.get('exception', {}).get('description') or d.get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            self.errors.append(f"log: {params['entry'].get('text')} ({params['entry'].get('url', '')})")
        self._events.append(message)

    def call(self, method: str, **params) -> dict:
        """Send one DevTools command and return its result (events meanwhile are recorded)."""
        self._id += 1
        self._ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self._ws.recv())
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._record(message)

    def _wait_event(self, method: str) -> None:
        if any(e.get("method") == method for e in self._events):
            return
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            message = json.loads(self._ws.recv())
            self._record(message)
            if message.get("method") == method:
                return
        raise TimeoutError(method)

    def open(self, path_or_url: str | Path) -> PageErrors:
        """Load a page (a path becomes ``file://``), wait for its load event; return its error list."""
        url = str(path_or_url)
        if "://" not in url:
            base, _, fragment = url.partition("#")
            url = Path(base).resolve().as_uri() + (f"#{fragment}" if fragment else "")
        self.errors = PageErrors()
        self._events = []
        self.call("Page.navigate", url=url)
        self._wait_event("Page.loadEventFired")
        return self.errors

    def evaluate(self, expression: str, await_promise: bool = True):
        """The value of a JavaScript expression in the page (a promise is awaited)."""
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=await_promise, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"javascript error: {result['exceptionDetails'].get('text')}: "
                               f"{result['exceptionDetails'].get('exception', {}).get('description')}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float | None = None) -> float:
        """Poll until ``expression`` is truthy; return the seconds waited."""
        start = time.monotonic()
        while not self.evaluate(expression):
            if time.monotonic() - start > (timeout or self.timeout):
                raise TimeoutError(expression)
            time.sleep(0.05)
        return time.monotonic() - start

    def screenshot(self, path: str | Path, full_page: bool = False, max_height: int = 4000) -> Path:
        """Write a PNG of the viewport (or of the page, up to ``max_height`` pixels) to ``path``."""
        params = {"format": "png"}
        if full_page:
            metrics = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params.update(clip={"x": 0, "y": 0, "width": metrics["width"],
                                "height": min(metrics["height"], max_height), "scale": 1},
                          captureBeyondViewport=True)
        data = self.call("Page.captureScreenshot", **params)["data"]
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        try:
            self._ws.close()
        finally:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
