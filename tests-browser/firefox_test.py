"""The librarian's desk in headless Firefox, driven over WebDriver BiDi.

Debian has firefox-esr but no geckodriver, and Firefox speaks WebDriver BiDi
itself: run.sh starts `lawcat serve`, and this starts
`firefox-esr --headless --remote-debugging-port=PORT` with a fresh profile and
talks to ws://127.0.0.1:PORT/session with the `websockets` package. Keys are
real key presses (input.performActions), not values set by script. It signs
in with the keyboard, searches as you type, makes two scans at the desk (each
answered before the next, the focus kept in the barcode box) and a refused
one, watches the console for Content-Security-Policy errors (and proves it
would see one), and checks the catalogue afterwards through the command line.
"""
import argparse
import asyncio
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import websockets

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--lawcat", required=True)
parser.add_argument("--db", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--shots", help="a folder for a screenshot of the desk (optional)")
args = parser.parse_args()

failures = []
ENTER, TAB = "\ue007", "\ue004"


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        failures.append(what)


def lawcat(*arguments):
    return subprocess.run([args.lawcat, *arguments, "--db", args.db], capture_output=True, text=True).stdout


class BiDi:
    """One WebDriver BiDi connection: commands by id, events collected as they come."""

    def __init__(self, ws):
        self.ws, self.next_id, self.waiting, self.log = ws, 0, {}, []
        self.reader = asyncio.create_task(self.read())

    async def read(self):
        async for raw in self.ws:
            message = json.loads(raw)
            if "id" in message and message["id"] in self.waiting:
                self.waiting.pop(message["id"]).set_result(message)
            elif message.get("method") == "log.entryAdded":
                self.log.append(message["params"])

    async def send(self, method, **params):
        self.next_id += 1
        reply = asyncio.get_running_loop().create_future()
        self.waiting[self.next_id] = reply
        await self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        message = await asyncio.wait_for(reply, 20)
        if message.get("type") == "error":
            raise RuntimeError(f"{method}: {message.get('error')}: {message.get('message')}")
        return message["result"]


class Page:
    def __init__(self, bidi, context):
        self.bidi, self.context = bidi, context

    async def go(self, url):
        await self.bidi.send("browsingContext.navigate", context=self.context, url=url, wait="complete")

    async def js(self, expression):
        """The value of a JavaScript expression in the page (JSON-serialised there, so any shape comes back)."""
        result = await self.bidi.send("script.evaluate", expression=f"JSON.stringify({expression})",
                                      target={"context": self.context}, awaitPromise=True)
        if result["type"] != "success":
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('text')}")
        value = result["result"].get("value")
        return None if value is None else json.loads(value)

    async def until(self, expression, what, timeout=5.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            value = await self.js(expression)
            if value:
                return value
            await asyncio.sleep(0.05)
        check(False, f"{what} (waited {timeout}s)")
        return None

    async def type(self, *texts):
        """Real key presses, one key down and up for each character (ENTER and TAB included)."""
        keys = []
        for text in texts:
            for ch in text:
                keys += [{"type": "keyDown", "value": ch}, {"type": "keyUp", "value": ch}]
        await self.bidi.send("input.performActions", context=self.context,
                             actions=[{"type": "key", "id": "keyboard", "actions": keys}])

    async def click(self, selector):
        """A real mouse click in the middle of the element."""
        box = await self.js(f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                            " return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; })()")
        await self.bidi.send("input.performActions", context=self.context, actions=[{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [{"type": "pointerMove", "x": box[0], "y": box[1]},
                        {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}])

    async def focused(self):
        return await self.js("document.activeElement && document.activeElement.id")


def csp_errors(bidi):
    return [e.get("text", "") for e in bidi.log if "Content-Security-Policy" in e.get("text", "")
            or "Content Security Policy" in e.get("text", "")]


async def desk(page, bidi):
    base = args.base
    # Sign in, with the keyboard: click the name box, then type, Tab, type, Enter.
    await page.go(base + "/desk")
    check(await page.js("location.pathname") == "/login", "the desk sends a browser that has not signed in to /login")
    await page.click("#name")
    await page.type("lena", TAB, args.password, ENTER)
    await page.until("document.querySelector(\"a[href='/logout']\") !== null", "signing in reaches a page with Sign out")
    header = await page.js("document.querySelector('header').innerText")
    check("Sign out lena" in (header or ""), f"the page says who is signed in: {header!r}")

    # Search as you type: results without pressing Enter.
    await page.click("#q")
    await page.type("chitty")
    await page.until("document.querySelector('#results ol.books li') !== null",
                     "search as you type shows results without Enter")
    results = await page.js("(document.getElementById('results') || {}).innerText")
    check("Chitty" in (results or "") and ("on the shelf" in results or "on loan" in results),
          "search as you type lists Chitty with its copies' status")
    check(await page.js("location.pathname") == "/search" and await page.js("location.search") == "?q=chitty",
          "the address becomes the search's, without a page load")

    # The desk: two scans as a scanner types them (barcode, Enter), each answered before the next.
    await page.go(base + "/desk")
    check(await page.focused() == "barcode", "the desk opens with the focus in the barcode box")
    await page.click("#borrower")
    await page.type("Tobias Penhaligon")
    await page.click("#barcode")
    # A mark on the window: it survives only if the scans are answered in place, without a page load.
    await page.js("(window.sameDesk = true)")
    for n, code in enumerate(["L000001", "L000002"], start=1):
        await page.type(code, ENTER)
        line = await page.until(
            f"(() => {{ const a = document.querySelectorAll('#answers li.done, #answers li.refused');"
            f" return a.length >= {n} ? [document.querySelector('#answers li').className,"
            f" document.querySelector('#answers li').innerText] : null; }})()",
            f"scan {n} ({code}) is answered on the page")
        if line:
            check("done" in line[0] and line[1].startswith(code) and "lent to Tobias Penhaligon" in line[1],
                  f"scan {n} ({code}) answered: {line[1]!r}")
        check(await page.js("window.sameDesk === true"), f"scan {n} is answered in place, without loading a page")
        check(await page.focused() == "barcode", f"the focus stays in the barcode box after scan {n}")
        check(await page.js("document.getElementById('barcode').value") == "", f"the barcode box is empty again after scan {n}")

    # A refused scan: L000001 is already on loan.
    await page.type("L000001", ENTER)
    line = await page.until(
        "(() => { const li = document.querySelector('#answers li');"
        " return li && !li.classList.contains('pending') && document.querySelectorAll('#answers li').length >= 3"
        " ? [li.className, li.innerText, getComputedStyle(li).backgroundColor] : null; })()",
        "the third scan is answered on the page")
    if line:
        check("refused" in line[0] and "already on loan" in line[1], f"a second checkout of L000001 is refused: {line[1]!r}")
        check(line[2] not in ("rgba(0, 0, 0, 0)", "transparent"), f"the refusal is coloured ({line[2]})")
    check(await page.focused() == "barcode", "the focus stays in the barcode box after the refusal")
    if args.shots:
        await page.js("document.documentElement.style.caretColor = 'transparent'")
        shot = await page.bidi.send("browsingContext.captureScreenshot", context=page.context)
        with open(os.path.join(args.shots, "desk-firefox.png"), "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    # The console: no CSP errors from lawcat's pages...
    await asyncio.sleep(0.2)
    errors = csp_errors(bidi)
    check(not errors, "no Content-Security-Policy errors in Firefox's console" + (f": {errors}" if errors else ""))
    # ...and the watch would have seen one: an inline script, which the policy forbids.
    await page.js("(() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true';"
                  " document.body.appendChild(s); return true; })()")
    end = time.monotonic() + 3
    while not csp_errors(bidi) and time.monotonic() < end:
        await asyncio.sleep(0.05)
    check(bool(csp_errors(bidi)) and not await page.js("window.inlineRan === true"),
          "an inline script is blocked and the console watch reports it (the check above can fail)")


async def main(port):
    async with websockets.connect(f"ws://127.0.0.1:{port}/session", max_size=None) as ws:
        bidi = BiDi(ws)
        await bidi.send("session.new", capabilities={"alwaysMatch": {"acceptInsecureCerts": False}})
        await bidi.send("session.subscribe", events=["log.entryAdded"])
        tree = await bidi.send("browsingContext.getTree")
        context = tree["contexts"][0]["context"]
        await bidi.send("browsingContext.setViewport", context=context, viewport={"width": 1100, "height": 900})
        try:
            await desk(Page(bidi, context), bidi)
        finally:
            try:
                await bidi.send("session.end")
            except Exception:
                pass
            bidi.reader.cancel()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


started = time.monotonic()
profile = tempfile.mkdtemp(prefix="lawcat-firefox-")
port = free_port()
firefox = subprocess.Popen([os.environ.get("FIREFOX", "firefox-esr"), "--headless", "--no-remote",
                            "--remote-debugging-port", str(port), "--profile", profile, "about:blank"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    # Firefox says on stderr when its WebDriver BiDi server listens.
    for line in firefox.stderr:
        if "WebDriver BiDi listening on" in line:
            break
    else:
        check(False, "firefox-esr started its WebDriver BiDi server")
    if not failures:
        print(f"Firefox: {subprocess.run([os.environ.get('FIREFOX', 'firefox-esr'), '--version'], capture_output=True, text=True).stdout.strip()}")
        asyncio.run(asyncio.wait_for(main(port), 50))
except Exception as error:  # a timeout or a protocol error is a failure, said in one line
    check(False, f"the Firefox session ran to the end ({type(error).__name__}: {error})")
finally:
    firefox.terminate()
    try:
        firefox.wait(10)
    except subprocess.TimeoutExpired:
        firefox.kill()
    shutil.rmtree(profile, ignore_errors=True)

# The catalogue through the command line: the two loans happened.
for code in ["L000001", "L000002"]:
    try:
        where = json.loads(lawcat("where", "--json", code))
    except ValueError:
        where = {}
    entry = where[0] if isinstance(where, list) and where else where
    check(entry.get("status") == "on-loan" and entry.get("borrower") == "Tobias Penhaligon",
          f"lawcat where --json {code}: on loan to Tobias Penhaligon")

print(f"\nFirefox: {len(failures)} failed" if failures else
      f"\nall Firefox checks passed in {time.monotonic() - started:.1f}s")
sys.exit(1 if failures else 0)
