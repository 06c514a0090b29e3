#!/usr/bin/python3
"""Drives the coordinator's bureau pages in headless Chromium, as the bureau CII would, over real HTTPS.

First login (one-time password, e-mailed code from the SMTP sink's folder, forced password
change); then each bureau page (powers of attorney, trainings, directory, code lists, users),
each checked by axe-core (no serious or critical violation); a form refused with its errors next
to the fields; a directory entry added; a training recorded with the keyboard only (Tab, typing,
Enter); the language switched to German, then remembered after logout and a new login. A
screenshot of each page goes to --screenshots. Exits 0 when every step behaved; otherwise prints
the failed step and exits 1.

Run with Debian's python3 (python3-selenium, chromium, chromium-driver) and axe-core-python.
"""
import argparse
import os
import sys
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import axe_check  # noqa: E402
from caseworker_flow import Flow, latest_code, run_flow  # noqa: E402


class BureauFlow(Flow):
    def check(self, name):
        """Screenshot and accessibility check of the page shown."""
        self.shot(name)
        axe_check.require_clean(self.driver, name)

    def log_in(self, password, code_after):
        self.by_id("email").send_keys(self.args.email)
        self.by_id("password").send_keys(password)
        self.submit("login-submit")
        self.expect("/login/code" in self.driver.current_url, "the password leads to the code page")
        self.by_id("code").send_keys(latest_code(self.args.maildir, self.args.email, code_after))
        self.submit("code-submit")

    def keys(self, *keys):
        """Types on the keyboard, into whatever has the focus."""
        ActionChains(self.driver).send_keys(*keys).perform()

    def tab_to(self, element_id, limit=80):
        """Presses Tab from where the focus is until `element_id` has it (keyboard only)."""
        for _ in range(limit):
            if self.driver.switch_to.active_element.get_attribute("id") == element_id:
                return
            self.keys(Keys.TAB)
        raise AssertionError(f"Tab never reached #{element_id}")

    def run(self):
        a = self.args
        self.step = "login"
        self.open("/registry/trainings")
        self.expect("/login" in self.driver.current_url, "an anonymous visit goes to the login page")
        self.check("login")
        sent_after = time.time() - 1
        self.log_in(a.password, sent_after)
        self.expect("/account/password" in self.driver.current_url, "a first login must change the password")
        self.by_id("new").send_keys(a.new_password)
        self.by_id("confirm").send_keys(a.new_password)
        self.submit("password-submit")
        self.check("account")

        self.step = "powers of attorney"
        self.click(self.by_id("nav-poa"))
        self.expect(self.driver.find_element(By.TAG_NAME, "h1").text.startswith("Procurations"), "the powers of attorney page shows")
        self.check("powers-of-attorney")
        self.by_id("within").clear()
        self.by_id("within").send_keys("900")
        self.submit("within-submit")
        self.expect("365" in self.by_id("within-error").text, "a bad number of days is explained next to the field")
        self.check("powers-of-attorney-error")

        self.step = "directory"
        self.click(self.by_id("nav-directory"))
        self.check("directory")
        self.by_id("d-email").send_keys("pas-une-adresse")
        self.submit("directory-submit")
        self.expect("obligatoire" in self.by_id("d-name-error").text, "the missing name is said next to the field")
        self.expect(self.by_id("d-email").get_attribute("aria-describedby") == "d-email-error", "the error is tied to its field")
        self.expect(self.by_id("d-email").get_attribute("value") == "pas-une-adresse", "the typed value is kept")
        self.check("directory-errors")
        self.by_id("d-name").send_keys(a.entry)
        self.by_id("d-email").clear()
        self.by_id("d-email").send_keys("chloe.rey@orp.example")
        self.by_id("d-phone").send_keys("027 606 00 00")
        for field, text in (("d-dispositif", "Offices régionaux"), ("d-region", "Sierre"), ("d-function", "Répondant CII")):
            self.by_id(field).send_keys(text)
        self.submit("directory-submit")
        self.expect(self.by_id("notice") is not None and a.entry in self.by_id("directory").text, "the entry is in the directory")
        self.check("directory-saved")

        self.step = "directory entry's page"
        edit = self.driver.find_elements(By.CSS_SELECTOR, "#directory a[id^=edit-entry-]")
        self.expect(len(edit) == 1, "the entry has its edit link")
        self.click(edit[0])
        self.expect(self.by_id("d-name").get_attribute("value") == a.entry, "the edit form holds the entry")
        self.check("directory-edit")

        self.step = "code lists"
        self.click(self.by_id("nav-code-lists"))
        self.check("code-lists")
        self.by_id("c-code").send_keys("proc")
        self.by_id("c-label-fr").send_keys("Procuration")
        self.by_id("c-label-de").send_keys("Vollmacht")
        self.by_id("c-attorney").click()  # a checkbox: no new page
        self.submit("code-submit")
        self.expect("PROC" in self.by_id("codes").text, "the code is in the list")
        self.click(self.by_id("edit-code-PROC"))
        self.expect(self.by_id("c-attorney").is_selected(), "the code marks powers of attorney")
        self.check("code-edit")

        self.step = "users"
        self.click(self.by_id("nav-users"))
        self.expect(a.email in self.by_id("accounts").text, "the users page lists the bureau's account")
        self.check("users")

        self.step = "trainings, keyboard only"
        self.click(self.by_id("nav-trainings"))
        self.check("trainings")
        self.tab_to("tr-kind")
        self.tab_to("tr-title")
        self.keys(a.training)
        self.tab_to("tr-date")
        self.keys(a.training_date)
        self.tab_to("tr-region")
        self.keys("Sion")
        self.tab_to("tr-language")
        self.keys("Fran")
        self.tab_to("tr-participants")
        self.keys("23")
        before = self.document_id()
        self.keys(Keys.ENTER)
        self.wait_for_new_document(before)
        self.expect(a.training in self.by_id("trainings").text, "the training was recorded")
        self.expect(a.training_day in self.by_id("trainings").text, f"the typed date is recorded as {a.training_day}")
        self.expect(self.by_id("total").text == "23", "the participants are counted")
        self.check("training-saved")
        self.click(self.driver.find_elements(By.CSS_SELECTOR, "#trainings a[id^=edit-training-]")[0])
        self.expect(self.by_id("tr-title").get_attribute("value") == a.training, "the edit form holds the training")
        self.check("training-edit")
        self.click(self.by_id("back"))

        self.step = "language"
        self.submit("language-switch")
        self.expect(self.driver.find_element(By.TAG_NAME, "h1").text.startswith("Schulungen und Regionaltage"), "the page switched to German")
        self.expect("/registry/trainings" in self.driver.current_url, "the switch stays on the page")
        switch = self.by_id("language-switch")
        self.expect(switch.location["x"] > self.driver.get_window_size()["width"] / 2 and switch.location["y"] < 120,
                    "the language switch sits at the top right")
        self.check("trainings-german")
        for link, name in (("nav-poa", "powers-of-attorney-german"), ("nav-directory", "directory-german"),
                           ("nav-code-lists", "code-lists-german"), ("nav-users", "users-german")):
            self.click(self.by_id(link))
            self.check(name)

        self.step = "logout and login again"
        self.submit("logout")
        self.expect("/login" in self.driver.current_url, "logout returns to the login page")
        self.driver.delete_all_cookies()  # forget the pre-login language cookie: the account must remember it
        self.open("/login")
        self.expect(self.driver.find_element(By.TAG_NAME, "h1").text == "Connexion", "a fresh browser starts in French")
        self.log_in(a.new_password, time.time() - 1)
        self.expect(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de", "the account remembers German")
        self.open("/registry/trainings")
        self.expect(self.driver.find_element(By.TAG_NAME, "h1").text.startswith("Schulungen"), "the registry pages are in German")
        self.check("german-after-login")
        return 0

    def wait_for_new_document(self, before):
        deadline = time.time() + 20
        while time.time() < deadline:
            current = self.document_id()
            if current not in (None, before) and self.driver.execute_script("return document.readyState") == "complete":
                return
            time.sleep(0.1)
        raise AssertionError("Enter did not submit the form")


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "certificate", "maildir", "email", "password", "new-password", "entry", "training", "training-date", "training-day",
                 "screenshots", "profile"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    return run_flow(BureauFlow(args), "bureau pages")


if __name__ == "__main__":
    sys.exit(main())
