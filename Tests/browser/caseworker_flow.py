#!/usr/bin/python3
"""Drives a ciid node's pages in headless Chromium, as a caseworker would, over real HTTPS.

First login (one-time password, e-mailed code read from the SMTP sink's folder, forced password
change), a check of a known and of an unknown person, a bad AVS number, the overlap alerts, the
language switch, logout. A screenshot of each page goes to --screenshots. Exits 0 when every
step behaved; otherwise prints the failed step and exits 1.

Run with Debian's python3 (python3-selenium, chromium, chromium-driver).
"""
import argparse
import base64
import email
import email.policy
import glob
import os
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait


def spki_hash(certificate):
    """base64(SHA-256(SubjectPublicKeyInfo)) of a PEM certificate, for Chromium's pinning flag."""
    public = subprocess.run(["openssl", "x509", "-pubkey", "-noout", "-in", certificate], check=True, capture_output=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=public, check=True, capture_output=True).stdout
    digest = subprocess.run(["openssl", "dgst", "-sha256", "-binary"], input=der, check=True, capture_output=True).stdout
    return base64.b64encode(digest).decode()


def chromium(profile, certificates=(), window="1200,1000"):
    """Headless Chromium (Debian's, through chromedriver) on its own `profile`, trusting the
    PEM `certificates` by their public keys (the nodes' self-signed ones)."""
    options = webdriver.ChromeOptions()
    flags = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", f"--window-size={window}", "--lang=fr-CH",
             f"--user-data-dir={profile}"]
    if certificates:
        flags.append("--ignore-certificate-errors-spki-list=" + ",".join(spki_hash(path) for path in certificates))
    for flag in flags:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


def latest_code(maildir, recipient, after, timeout=20):
    """The 6-digit code of the newest message to `recipient` received after `after`."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for path in sorted(glob.glob(os.path.join(maildir, "*.eml")), key=os.path.getmtime, reverse=True):
            if os.path.getmtime(path) < after:
                continue
            with open(path, "rb") as handle:
                message = email.message_from_binary_file(handle, policy=email.policy.default)
            if recipient not in str(message.get("To", "")):
                continue
            body = message.get_body(preferencelist=("plain",)).get_content()
            match = re.search(r"^\s+(\d{6})\s*$", body, re.MULTILINE)
            if match:
                return match.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no login code reached {maildir} within {timeout} s")


class Flow:
    def __init__(self, args):
        self.args = args
        self.step = "start"
        os.makedirs(args.screenshots, exist_ok=True)
        self.driver = chromium(args.profile, [args.certificate])
        self.shots = 0

    def shot(self, name):
        self.shots += 1
        path = os.path.join(self.args.screenshots, f"{self.shots:02d}-{name}.png")
        self.driver.save_screenshot(path)

    def open(self, path):
        self.driver.get(self.args.url + path)

    def by_id(self, element):
        return self.driver.find_element(By.ID, element)

    def expect(self, condition, what):
        if not condition:
            raise AssertionError(f"{what} (page {self.driver.current_url}: {self.driver.find_element(By.TAG_NAME, 'main').text[:400]!r})")

    def click(self, element):
        """Clicks and waits until the next page has replaced this one."""
        before = self.document_id()
        element.click()
        WebDriverWait(self.driver, 20, ignored_exceptions=(WebDriverException,)).until(
            lambda driver: self.document_id() not in (None, before)
            and driver.execute_script("return document.readyState") == "complete")

    def document_id(self):
        """Distinguishes one loaded document from the next (a navigation gives a new time origin)."""
        try:
            return self.driver.execute_script("return String(performance.timeOrigin)")
        except WebDriverException:
            return None

    def submit(self, button):
        self.click(self.by_id(button))

    def run(self):
        a = self.args
        self.step = "login page"
        self.open("/check")
        self.expect("/login" in self.driver.current_url, "an anonymous visit goes to the login page")
        self.expect(self.driver.find_element(By.TAG_NAME, "h1").text == "Connexion", "the login page is in French")
        self.shot("login")

        self.step = "password"
        sent_after = time.time() - 1
        self.by_id("email").send_keys(a.email)
        self.by_id("password").send_keys(a.password)
        self.submit("login-submit")
        self.expect("/login/code" in self.driver.current_url, "the password leads to the code page")
        self.expect("•••@" in self.by_id("masked-email").text, "the code page names the masked address")
        self.shot("code")

        self.step = "code"
        code = latest_code(a.maildir, a.email, sent_after)
        self.by_id("code").send_keys(code)
        self.submit("code-submit")
        self.expect("/account/password" in self.driver.current_url, "a first login must change the password")
        self.shot("password-change")

        self.step = "password change"
        self.by_id("new").send_keys("motdepasse123")
        self.by_id("confirm").send_keys("motdepasse123")
        self.submit("password-submit")
        self.expect("courant" in self.by_id("error").text, "a common password is refused with the reason")
        self.by_id("new").send_keys(a.new_password)
        self.by_id("confirm").send_keys(a.new_password)
        self.submit("password-submit")
        self.expect(self.by_id("avs") is not None, "after the change the check page shows")
        self.shot("check")

        self.step = "known person"
        self.by_id("avs").send_keys(a.known)
        self.submit("check-submit")
        result = self.by_id("result")
        self.expect(result.get_attribute("data-outcome") == "known", "the known person is known")
        self.expect(a.known_at in self.by_id("matches").text, f"the answer names {a.known_at}")
        self.expect("procuration" in self.by_id("next").text.lower(), "the next steps mention the power of attorney")
        self.expect(a.known not in self.driver.page_source, "the page does not echo the AVS number")
        self.shot("known")

        self.step = "unknown person"
        self.by_id("avs").send_keys(a.unknown)
        self.submit("check-submit")
        self.expect(self.by_id("result").get_attribute("data-outcome") == "unknown", "the unknown person is unknown")
        self.expect("trois dernières années" in self.by_id("result").text, "the answer says the window")
        self.shot("unknown")

        self.step = "bad number"
        self.by_id("avs").send_keys(a.bad)
        self.submit("check-submit")
        self.expect("contrôle" in self.by_id("error").text, "a wrong check digit is explained")
        self.shot("bad-number")

        self.step = "alerts"
        self.click(self.by_id("nav-alerts"))
        rows = self.driver.find_elements(By.CSS_SELECTOR, "#alerts tbody tr.unread")
        self.expect(len(rows) >= a.alerts, f"at least {a.alerts} unread alert(s) wait")
        self.expect(a.alert_from in rows[0].text, f"the alert names {a.alert_from}")
        self.expect(a.alert_reference in self.by_id("alerts").text, f"an alert names our dossier {a.alert_reference}")
        self.shot("alerts")
        self.click(rows[0].find_element(By.TAG_NAME, "button"))
        self.expect(len(self.driver.find_elements(By.CSS_SELECTOR, "#alerts tbody tr.unread")) == len(rows) - 1, "marking read works")

        self.step = "language"
        self.click(self.by_id("nav-check"))
        self.submit("language-switch")
        self.expect(self.driver.find_element(By.TAG_NAME, "h1").text == "Eine Person prüfen", "the page switched to German")
        self.by_id("avs").send_keys(a.known)
        self.submit("check-submit")
        self.expect("Einem anderen Dispositiv bekannt" in self.by_id("result").text, "the answer is in German")
        self.shot("german")
        self.open("/account")
        self.expect(self.by_id("language").get_attribute("value") == "de", "the language is remembered on the account")

        self.step = "logout"
        self.submit("logout")
        self.expect("/login" in self.driver.current_url, "logout returns to the login page")
        self.expect(self.by_id("notice") is not None, "logout is confirmed")
        self.shot("logged-out")
        self.open("/check")
        self.expect("/login" in self.driver.current_url, "after logout the check page needs a login again")
        cookies = {c["name"]: c for c in self.driver.get_cookies()}
        self.expect("__Host-ciid-session" not in cookies, "the session cookie is gone")
        return 0


def run_flow(flow, label, summary=""):
    """Runs `flow` (its `run()`, `step`, `shot()`, `shots`, `driver` and `args`): on success prints
    `label passed` with the screenshots' folder and `summary` (a string, or a function called
    after the run); on any failure a last screenshot and
    the step that failed. Always quits the browser. Returns the exit code."""
    try:
        flow.run()
        print(f"{label} passed: {flow.shots} screenshots in {flow.args.screenshots}{summary() if callable(summary) else summary}")
        return 0
    except Exception as error:  # noqa: BLE001 - report any failure with its step
        try:
            flow.shot("failure")
        except Exception:  # noqa: BLE001
            pass
        print(f"{label} failed at step '{flow.step}': {error}", file=sys.stderr)
        return 1
    finally:
        flow.driver.quit()


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "certificate", "maildir", "email", "password", "new-password", "known", "known-at", "unknown", "bad",
                 "alert-from", "alert-reference", "screenshots", "profile"):
        parser.add_argument("--" + name, required=True)
    parser.add_argument("--alerts", type=int, default=1)
    args = parser.parse_args()
    return run_flow(Flow(args), "browser flow")


if __name__ == "__main__":
    sys.exit(main())
