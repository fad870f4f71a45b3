"""Debian's Chromium, headless, driven through chromedriver by Selenium (python3-selenium): the
browser the page tests, the screenshots and the page benchmark open jixiao's pages in."""
import base64
import os
import subprocess
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def start(width=1280, height=1600):
    options = Options()
    options.binary_location = os.environ.get("JIXIAO_CHROMIUM", "/usr/bin/chromium")
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size={width},{height}", "--lang=zh-CN", "--force-device-scale-factor=1"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(os.environ.get("JIXIAO_CHROMEDRIVER", "/usr/bin/chromedriver")),
                            options=options)


def open_page(driver, path, fragment="", drawn="overview", timeout=60):
    """Opens a page file at a fragment and waits until its script says the view is drawn."""
    driver.get("file://" + os.path.abspath(path) + fragment)
    return wait_drawn(driver, drawn, timeout)


def go(driver, fragment, drawn, timeout=60):
    """Moves to another view of the open page, as a click on a link would."""
    driver.execute_script("document.documentElement.removeAttribute('data-drawn'); location.hash = arguments[0];",
                          fragment)
    return wait_drawn(driver, drawn, timeout)


def wait_drawn(driver, drawn, timeout):
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script("return document.documentElement.getAttribute('data-drawn')") == drawn:
            return True
        time.sleep(0.05)
    return False


def print_pdf(driver, path):
    """The page as Chromium prints it (its print stylesheet, A4), written to `path`. Through the
    DevTools command itself: chromedriver's print command gives the renderer 10 s, which a
    loaded machine can pass with a county's hundred pages."""
    result = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 21.0 / 2.54, "paperHeight": 29.7 / 2.54,
                                                        "printBackground": True, "preferCSSPageSize": True})
    with open(path, "wb") as f:
        f.write(base64.b64decode(result["data"]))


def console_errors(driver):
    """What the page's script or the browser reported as errors so far."""
    return [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def html_problems(path):
    """What html-validate (from the npm registry, in .tools/) finds in a page file: "" for nothing."""
    r = subprocess.run([".tools/node_modules/.bin/html-validate", "--config", "tests/html-validate.json", path],
                       capture_output=True)
    return "" if r.returncode == 0 else (r.stdout + r.stderr).decode()[:800]
