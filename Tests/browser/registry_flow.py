#!/usr/bin/python3
"""Drives the coordinator's registry pages in headless Chromium over real HTTPS, as the MX-CII
manual's people would.

A respondent (first login: one-time password, e-mailed code, new password) creates a case, with
a wrong AVS number first, and fills every tab a respondent may; another region's respondent
cannot reach it; the regional coordinator decides and adds a service; the bureau sets the
gravity index, uploads a power of attorney that has expired and sees it on the list of expired
powers of attorney, prints the summary, cancels the case with a reason and reads the annual report
in French and German. axe-core checks every page visited (no serious or critical violation); a
screenshot of each goes to --screenshots. Exits 0 when every step behaved; otherwise prints the
failed step and exits 1.

Run with Debian's python3 (python3-selenium, chromium, chromium-driver) and axe-core-python.
"""
import argparse
import os
import re
import sys
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium.common.exceptions import NoSuchElementException, WebDriverException

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import axe_check  # noqa: E402
from caseworker_flow import chromium, latest_code, run_flow  # noqa: E402


class Flow:
    def __init__(self, args):
        self.args = args
        self.step = "start"
        os.makedirs(args.screenshots, exist_ok=True)
        self.driver = chromium(args.profile, [args.certificate], window="1200,1400")
        self.shots = 0
        self.checked = []

    # Helpers

    def shot(self, name):
        self.shots += 1
        self.driver.save_screenshot(os.path.join(self.args.screenshots, f"{self.shots:02d}-{name}.png"))

    def page(self, name):
        """Every page visited: no serious or critical accessibility violation, and a screenshot."""
        axe_check.require_clean(self.driver, name)
        self.checked.append(name)
        self.shot(name)

    def open(self, path, name):
        self.driver.get(self.args.url + path)
        self.page(name)

    def by_id(self, element):
        return self.driver.find_element(By.ID, element)

    def exists(self, element):
        try:
            self.driver.find_element(By.ID, element)
            return True
        except NoSuchElementException:
            return False

    def expect(self, condition, what):
        if not condition:
            raise AssertionError(f"{what} (page {self.driver.current_url}: {self.driver.find_element(By.TAG_NAME, 'main').text[:600]!r})")

    def document_id(self):
        try:
            return self.driver.execute_script("return String(performance.timeOrigin)")
        except WebDriverException:
            return None

    def click(self, element):
        """Clicks and waits until the next page has replaced this one."""
        before = self.document_id()
        element.click()
        WebDriverWait(self.driver, 30, ignored_exceptions=(WebDriverException,)).until(
            lambda driver: self.document_id() not in (None, before)
            and driver.execute_script("return document.readyState") == "complete")

    def submit(self, button, name):
        self.click(self.by_id(button))
        self.page(name)

    def type(self, element, text):
        field = self.by_id(element)
        field.clear()
        field.send_keys(text)

    def choose(self, element, value):
        Select(self.by_id(element)).select_by_value(value)

    def keyboard_to(self, element):
        """Reaches `element` with the Tab key alone (the pages work without a mouse)."""
        self.driver.execute_script("if (document.activeElement) document.activeElement.blur()")
        for _ in range(120):
            ActionChains(self.driver).send_keys(Keys.TAB).perform()
            if self.driver.switch_to.active_element.get_attribute("id") == element:
                return self.driver.switch_to.active_element
        raise AssertionError(f"the Tab key never reaches #{element}")

    def login(self, email, one_time, password, label):
        self.step = f"login of {label}"
        self.open("/login", f"login-{label}")
        sent_after = time.time() - 1
        self.type("email", email)
        self.type("password", one_time)
        self.submit("login-submit", f"code-{label}")
        self.type("code", latest_code(self.args.maildir, email, sent_after))
        self.submit("code-submit", f"password-{label}")
        self.type("new", password)
        self.type("confirm", password)
        self.submit("password-submit", f"account-{label}")
        self.expect(self.exists("nav-account"), f"{label} is signed in")

    def logout(self):
        self.click(self.by_id("logout"))

    def save_tab(self, name):
        self.submit("tab-save", name)
        self.expect(self.exists("notice"), f"the tab {name} is saved")
        self.expect(not self.exists("error"), f"the tab {name} has no problem")

    # The flow

    def run(self):
        a = self.args
        today = time.strftime("%Y-%m-%d")

        # A respondent creates a case and fills every tab a respondent may.
        self.login(a.respondent, a.respondent_password, "Le Rhône coule vers Martigny 1", "respondent")
        self.step = "new case"
        self.expect(self.exists("nav-cases") and self.exists("nav-search") and self.exists("nav-new-case"), "the registry's navigation shows")
        link = self.keyboard_to("nav-new-case")
        before = self.document_id()
        link.send_keys(Keys.ENTER)
        WebDriverWait(self.driver, 30).until(lambda driver: self.document_id() not in (None, before))
        self.page("new-case")
        self.type("f-person-avs", "756.1234.5678.90")
        self.type("f-person-surname", "Rey")
        self.type("f-person-firstName", "Léa")
        self.type("f-person-birthDate", "1990-02-03")
        self.choose("f-person-sex", "F")
        self.choose("f-person-education", "secondary2")
        self.choose("f-announcement-region", "SIO")
        self.type("f-announcement-announcedOn", today)
        self.choose("f-announcement-dispositif", "ORP")
        self.type("f-situation-text", "Sans emploi depuis deux ans.")
        self.by_id("f-situation-riskFactors-4").click()
        self.submit("new-case-submit", "new-case-refused")
        error = self.by_id("f-person-avs-error")
        self.expect("AVS" in error.text, "a wrong AVS number is explained next to its input")
        self.expect("f-person-avs-error" in self.by_id("f-person-avs").get_attribute("aria-describedby"), "the problem is linked to its input")
        self.expect(self.by_id("f-person-surname").get_attribute("value") == "Rey", "the values typed are kept")
        self.type("f-person-avs", a.avs)
        self.submit("new-case-submit", "case-announcement")
        match = re.search(r"/registry/cases/(\d+)/announcement", self.driver.current_url)
        self.expect(match is not None, "the new case opens on its first tab")
        case = match.group(1)
        self.expect(self.by_id("tab-announcement").get_attribute("aria-current") == "page", "the current tab is marked")
        self.expect(not self.exists("tab-decision") and not self.exists("tab-gravity"), "a respondent sees only the respondent's tabs")

        self.step = "announcement"
        self.choose("f-announcement-requestedService", "TRO")
        self.type("f-announcement-followedSince", "2024-01-10")
        self.choose("f-announcement-ageGroup", "adult")
        self.save_tab("announcement-saved")

        self.step = "situation"
        self.click(self.by_id("tab-situation"))
        self.page("situation")
        self.type("f-situation-text", "Sans emploi depuis deux ans ; dettes.")
        self.by_id("f-situation-riskFactors-5").click()
        self.save_tab("situation-saved")

        self.step = "collaborators"
        self.click(self.by_id("tab-collaborators"))
        self.page("collaborators")
        self.choose("f-collaborators-involved-0-collaboratorID", a.officer_id)
        self.choose("f-collaborators-involved-0-function", "cantonal_officer")
        self.save_tab("collaborators-saved")

        self.step = "documents"
        self.click(self.by_id("tab-documents"))
        self.page("documents")
        self.type("f-document-designation", "Rapport de situation")
        self.choose("f-document-code", "RAP")
        self.by_id("f-file").send_keys(a.pdf)
        self.submit("upload-submit", "document-uploaded")
        self.expect("Rapport de situation" in self.by_id("documents").text, "the uploaded document is listed")

        self.step = "logbook"
        self.click(self.by_id("tab-logbook"))
        self.page("logbook")
        self.type("f-logbook-0-date", today)
        self.type("f-logbook-0-text", "Entretien avec la personne et l'office cantonal.")
        self.choose("f-logbook-0-partners-0", a.officer_id)
        self.save_tab("logbook-saved")

        self.step = "person"
        self.click(self.by_id("tab-person"))
        self.page("person")
        self.choose("f-person-language", "de")
        self.save_tab("person-saved")

        self.step = "my cases and search"
        self.click(self.by_id("nav-cases"))
        self.page("my-cases")
        self.expect(self.exists(f"case-{case}"), "the case is among the respondent's cases")
        self.click(self.by_id("nav-search"))
        self.page("search")
        self.type("f-surname", "rey")
        self.submit("search-submit", "search-results")
        self.expect(self.exists(f"case-{case}"), "the search finds the case")
        self.expect(a.avs not in self.driver.current_url, "no AVS number in the address")
        self.logout()

        # A respondent of another region cannot reach the case.
        self.login(a.other, a.other_password, "Le Rhône coule vers Martigny 2", "other-respondent")
        self.step = "other region"
        self.open(f"/registry/cases/{case}", "other-region-refused")
        self.expect(not self.exists("tab-announcement") and "Rey" not in self.driver.page_source, "another region's respondent sees nothing of it")
        self.open("/registry/cases", "other-region-cases")
        self.expect(not self.exists(f"case-{case}"), "nor in their list")
        self.logout()

        # The regional coordinator decides and adds a service.
        self.login(a.coordinator, a.coordinator_password, "Le Rhône coule vers Martigny 3", "coordinator")
        self.step = "decision"
        self.expect(not self.exists("nav-new-case"), "a coordinator does not create cases")
        self.open(f"/registry/cases/{case}/situation", "coordinator-situation")
        self.expect(not self.exists("tab-form"), "a coordinator reads the situation without a form")
        self.click(self.by_id("tab-decision"))
        self.page("decision")
        self.type("f-decision-openedOn", today)
        self.choose("f-decision-dispositifInCharge", "ORP")
        self.save_tab("decision-saved")
        self.step = "services"
        self.click(self.by_id("tab-services"))
        self.page("services")
        self.choose("f-services-0-type", "TRO")
        self.type("f-services-0-start", today)
        self.type("f-services-0-end", "2001-01-01")
        self.submit("tab-save", "services-refused")
        self.expect(self.exists("f-services-0-end-error"), "an end before the start is explained next to it")
        self.type("f-services-0-end", "")
        self.save_tab("services-saved")
        self.logout()

        # The bureau sets the gravity index, uploads an expired power of attorney, prints, cancels.
        self.login(a.bureau, a.bureau_password, "Le Rhône coule vers Martigny 4", "bureau")
        self.step = "gravity"
        self.open(f"/registry/cases/{case}/gravity", "gravity")
        self.choose("f-gravity-action", "override")
        self.type("f-gravity-index", "4.5")
        self.submit("tab-save", "gravity-no-reason")
        self.expect(self.exists("f-gravity-overrideReason-error"), "an override needs its reason")
        self.choose("f-gravity-action", "override")
        self.type("f-gravity-overrideReason", "Situation familiale plus grave que la grille.")
        self.save_tab("gravity-saved")
        self.expect("4.5" in self.by_id("gravity-effective").text, "the bureau's index is the one retained")

        self.step = "power of attorney"
        self.click(self.by_id("tab-documents"))
        self.page("bureau-documents")
        self.type("f-document-designation", "Procuration")
        self.choose("f-document-code", "PROC")
        self.type("f-document-powerOfAttorney-start", a.poa_start)
        self.type("f-document-powerOfAttorney-duration", "1")
        self.choose("f-document-powerOfAttorney-unit", "months")
        self.by_id("f-file").send_keys(a.pdf)
        self.submit("upload-submit", "power-of-attorney-uploaded")
        self.expect("Procuration" in self.by_id("documents").text, "the power of attorney is listed with its expiry")
        download = self.driver.find_elements(By.CSS_SELECTOR, "#documents a.download")
        self.expect(len(download) == 2 and f"/registry/cases/{case}/documents/" in download[0].get_attribute("href"), "each document has its link")

        self.step = "history"
        self.click(self.by_id("case-history"))
        self.page("history")
        self.expect(self.exists("history") and "gravity" in self.by_id("history").text, "the history shows the bureau's gravity review")

        self.step = "expiring powers of attorney"
        self.click(self.by_id("nav-poa"))
        self.page("powers-of-attorney")
        row = self.by_id(f"power-{case}")
        self.expect("expired" in row.get_attribute("class"), "the bureau sees the power of attorney of the case expired")
        self.click(self.by_id(f"case-{case}"))
        self.page("case-from-powers-of-attorney")
        self.expect(f"/registry/cases/{case}" in self.driver.current_url, "the list leads to the case")

        self.step = "summary"
        self.click(self.by_id("case-summary"))
        self.page("summary")
        for tab in ("announcement", "situation", "collaborators", "documents", "logbook", "medical-mandate", "decision", "services", "person", "gravity"):
            self.expect(self.exists(f"summary-{tab}"), f"the summary holds the tab {tab}")
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        self.expect(not self.driver.find_element(By.TAG_NAME, "header").is_displayed(), "the printed summary has no navigation")
        self.shot("summary-print")
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

        self.step = "cancellation"
        self.open(f"/registry/cases/{case}", "bureau-case")
        self.click(self.by_id("case-cancel"))
        self.page("cancel")
        self.submit("cancel-confirm", "cancel-refused")
        self.expect(self.exists("f-reason-error"), "a cancellation needs its reason")
        self.type("f-reason", "Annoncé deux fois par erreur.")
        self.submit("cancel-confirm", "cancelled")
        self.open(f"/registry/cases/{case}", "cancelled-case")
        self.expect(self.exists("cancelled"), "the bureau still reads the cancelled case, marked")

        self.step = "annual report"
        self.click(self.by_id("nav-report"))
        self.page("annual-report")
        self.expect(self.exists("report-section-1") and self.exists("report-simultaneous"), "the report shows its chapters")
        self.expect(len(self.driver.find_elements(By.CSS_SELECTOR, "main svg")) >= 1, "the report has its charts")
        self.expect(self.exists("report-csv") and self.exists("report-json"), "the report offers CSV and JSON")
        self.click(self.by_id("language-switch"))
        self.page("annual-report-de")
        self.expect(self.driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de", "the report switches to German")
        self.click(self.by_id("language-switch"))
        self.logout()
        return 0


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "certificate", "maildir", "screenshots", "profile", "avs", "pdf", "poa-start", "officer-id",
                 "respondent", "respondent-password", "other", "other-password", "coordinator", "coordinator-password",
                 "bureau", "bureau-password"):
        parser.add_argument("--" + name, required=True)
    args = parser.parse_args()
    flow = Flow(args)
    return run_flow(flow, "registry flow", summary=lambda: f"; axe-core clean on {len(flow.checked)} pages")


if __name__ == "__main__":
    sys.exit(main())
