"""The librarian's desk in headless Chromium, driven by Selenium.

run.sh starts `lawcat serve` on a demo catalogue and runs this with the
server's address, the built binary and the catalogue. It signs in, searches
as you type, makes two scans at the desk (each answered before the next), a
refused scan, and a stocktake with an unknown barcode, and signs out; checks each page with
axe-core (WCAG 2 A and AA: no violations) and the keyboard; saves screenshots;
and checks the catalogue afterwards through the command line.
"""
import argparse
import json
import os
import subprocess
import sys
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

parser = argparse.ArgumentParser()
parser.add_argument("--base", required=True)
parser.add_argument("--lawcat", required=True)
parser.add_argument("--db", required=True)
parser.add_argument("--password", required=True)
parser.add_argument("--shots", required=True)
args = parser.parse_args()

failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what, flush=True)
    if not condition:
        failures.append(what)


def lawcat(*arguments):
    out = subprocess.run([args.lawcat, *arguments, "--db", args.db], capture_output=True, text=True)
    return out.stdout


options = webdriver.ChromeOptions()
options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,900",
             "--autoplay-policy=no-user-gesture-required"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")))
driver.set_script_timeout(30)
wait = WebDriverWait(driver, 10)
axe = Axe(driver)


def accessible(page):
    axe.inject()
    results = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa"]}}))
    violations = results["violations"]
    check(not violations, f"{page}: axe WCAG 2 A/AA finds no violations"
          + ("" if not violations else ": " + "; ".join(f"{v['id']} {[n['html'][:120] for n in v['nodes']]}" for v in violations)))


def shot(name, height=900):
    # A blinking caret would make each run's picture differ.
    driver.execute_script("document.documentElement.style.caretColor = 'transparent'")
    driver.set_window_size(1100, height)
    driver.save_screenshot(os.path.join(args.shots, name))
    driver.set_window_size(1100, 900)


def csp_errors():
    return [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]


try:
    # Sign in, with the keyboard only.
    driver.get(args.base + "/desk")
    check(driver.current_url.endswith("/login"), "the desk sends a browser that has not signed in to /login")
    accessible("/login")
    name = driver.find_element(By.ID, "name")
    name.send_keys("lena", Keys.TAB)
    driver.switch_to.active_element.send_keys(args.password, Keys.ENTER)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "a[href='/logout']")))
    check("Sign out lena" in driver.find_element(By.TAG_NAME, "header").text, "the page says who is signed in")

    # Search as you type: results without pressing Enter.
    box = driver.find_element(By.ID, "q")
    box.send_keys("chitty")
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#results ol.books li")))
    results = driver.find_element(By.ID, "results").text
    check("Chitty" in results and ("on the shelf" in results or "on loan" in results),
          "search as you type lists Chitty with its copies' status")
    shot("search.png")
    accessible("/search")
    box = driver.find_element(By.ID, "q")
    box.send_keys(Keys.ENTER)
    wait.until(EC.url_contains("/search?q=chitty"))
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#results ol.books li")))
    check("Chitty" in driver.find_element(By.ID, "results").text, "Enter in the search box opens the full results")

    # The desk: two scans, each answered before the next, then a refusal.
    driver.get(args.base + "/desk")
    accessible("/desk")
    check(driver.switch_to.active_element.get_attribute("id") == "barcode", "the desk opens with the focus in the barcode box")
    driver.find_element(By.ID, "borrower").send_keys("Tobias Penhaligon")
    barcode = driver.find_element(By.ID, "barcode")
    answers = []
    for n, code in enumerate(["L000001", "L000002"], start=1):
        barcode.send_keys(code, Keys.ENTER)
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#answers li.done, #answers li.refused")) >= n)
        line = driver.find_elements(By.CSS_SELECTOR, "#answers li")[0]
        answers.append(line)
        check("done" in line.get_attribute("class") and "lent to Tobias Penhaligon" in line.text,
              f"scan {n} ({code}) answered: {line.text!r}")
        check(driver.switch_to.active_element.get_attribute("id") == "barcode", f"the focus stays in the barcode box after scan {n}")
    barcode.send_keys("L000001", Keys.ENTER)
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#answers li.refused"))
    refused = driver.find_elements(By.CSS_SELECTOR, "#answers li")[0]
    check("refused" in refused.get_attribute("class") and "already on loan" in refused.text,
          f"a second checkout of L000001 is refused, in the list: {refused.text!r}")
    colour = refused.value_of_css_property("background-color")
    check(colour not in ("rgba(0, 0, 0, 0)", "transparent"), f"the refusal is coloured ({colour})")
    # A name close to a known one: the CLI's "did you mean".
    borrower = driver.find_element(By.ID, "borrower")
    borrower.clear()
    borrower.send_keys("Tobias Penhaligan")
    barcode.send_keys("L000003", Keys.ENTER)
    wait.until(lambda d: "Penhaligan" in d.find_elements(By.CSS_SELECTOR, "#answers li")[0].text
               and "pending" not in d.find_elements(By.CSS_SELECTOR, "#answers li")[0].get_attribute("class"))
    close = driver.find_elements(By.CSS_SELECTOR, "#answers li")[0]
    check("refused" in close.get_attribute("class") and "did you mean" in close.text,
          f"a borrower's name close to a known one is refused with 'did you mean': {close.text!r}")
    shot("desk.png")
    accessible("/desk, after scans")
    # Scans made quickly, while others are in flight, are queued, not lost.
    borrower.clear()
    driver.find_element(By.CSS_SELECTOR, "input[name=action][value=seen]").click()
    for code in ["L000004", "L000005", "L000006"]:
        barcode.send_keys(code, Keys.ENTER)
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#answers li")) >= 7
               and not d.find_elements(By.CSS_SELECTOR, "#answers li.pending"))
    quick = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#answers li")[:3]]
    check(all("seen at" in t for t in quick) and [t.split()[0] for t in quick] == ["L000006", "L000005", "L000004"],
          f"three quick scans all answered, in order: {quick!r}")
    # Undo on a line.
    driver.find_elements(By.CSS_SELECTOR, "#answers li")[0].find_element(By.CSS_SELECTOR, "button.undo").click()
    wait.until(lambda d: "pending" not in d.find_elements(By.CSS_SELECTOR, "#answers li")[0].get_attribute("class"))
    undone = driver.find_elements(By.CSS_SELECTOR, "#answers li")[0].text
    check(undone.startswith("L000006") and "undone: seen" in undone, f"Undo on a line undoes that scan: {undone!r}")

    # A stocktake with an unknown barcode.
    driver.get(args.base + "/stocktake")
    accessible("/stocktake")
    driver.find_element(By.ID, "location").send_keys("London/Library/Bay 10")
    driver.find_element(By.ID, "barcodes").send_keys("L000195\nNOSUCH99\n")
    shot("stocktake.png")
    driver.find_element(By.CSS_SELECTOR, "form.stocktake button[type=submit]").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.summary")))
    report = driver.find_element(By.TAG_NAME, "main").text
    check("Unknown barcodes: 1" in report and "NOSUCH99" in report and "Present: 1" in report
          and "Not seen (believed here): 3" in report,
          "the stocktake's report lists the unknown barcode, the copy present and the three not seen")
    check(driver.find_elements(By.CSS_SELECTOR, "form.confirm input[name=confirm][required]") != [],
          "marking the not-seen copies missing waits for a confirmation")
    shot("stocktake-report.png", height=1500)
    accessible("/stocktake report")

    # The reports.
    driver.get(args.base + "/reports")
    check("Missing:" in driver.find_element(By.TAG_NAME, "main").text, "the reports page lists the missing copies")
    accessible("/reports")
    check(not csp_errors(), "no Content-Security-Policy violations in the browser's console")

    # Sign out.
    driver.find_element(By.CSS_SELECTOR, "a[href='/logout']").click()
    driver.find_element(By.CSS_SELECTOR, "main form[action='/logout'] button").click()
    wait.until(EC.url_contains("/login"))
    driver.get(args.base + "/desk")
    check(driver.current_url.endswith("/login"), "signed out, the desk sends the browser to sign in again")
finally:
    driver.quit()

# The catalogue through the command line.
where = json.loads(lawcat("where", "--json", "L000001"))
entry = where[0] if isinstance(where, list) else where
check(entry.get("status") == "on-loan" and entry.get("borrower") == "Tobias Penhaligon",
      "lawcat where L000001: on loan to Tobias Penhaligon")
where = json.loads(lawcat("where", "--json", "L000002"))
entry = where[0] if isinstance(where, list) else where
check(entry.get("borrower") == "Tobias Penhaligon", "lawcat where L000002: on loan to Tobias Penhaligon")
check("Tobias Penhaligan" not in lawcat("people"), "the close name was not added to the people")
history = lawcat("history", "L000195")
check("stocktake" in history, "lawcat history L000195 shows the stocktake's sighting")

print(f"\n{len(failures)} failed" if failures else "\nall browser checks passed")
sys.exit(1 if failures else 0)
