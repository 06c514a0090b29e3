#!/usr/bin/python3
"""An external coordinator logs in with SwissID in headless Chromium: the button of the login page,
the provider (Tests/oidc/provider.py, which logs the person in at once), the way back to the
coordinator and its account page; axe-core finds no serious or critical violation on the pages.
Screenshots go to --screenshots."""

import argparse
import os
import sys

from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import axe_check  # noqa: E402
from caseworker_flow import chromium  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--certificates", required=True, help="the node's and the provider's certificates, comma-separated")
    parser.add_argument("--email", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--profile", required=True)
    args = parser.parse_args()
    os.makedirs(args.screenshots, exist_ok=True)
    driver = chromium(args.profile, args.certificates.split(","))
    try:
        driver.get(args.url + "/login")
        button = driver.find_element(By.ID, "swissid-login")
        assert button.text == "Se connecter avec SwissID", button.text
        driver.save_screenshot(os.path.join(args.screenshots, "01-login-with-swissid.png"))
        axe_check.require_clean(driver, "login page with SwissID")
        button.click()
        # Provider, callback page, then its refresh to the coordinator's cases (MX-CII's "Mes cas").
        WebDriverWait(driver, 30, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.current_url.startswith(args.url + "/registry/cases") and d.execute_script("return document.readyState") == "complete")
        axe_check.require_clean(driver, "cases page after SwissID")
        driver.get(args.url + "/account")
        main_text = driver.find_element(By.TAG_NAME, "main").text
        assert args.email in main_text, main_text[:400]
        driver.save_screenshot(os.path.join(args.screenshots, "02-account-after-swissid.png"))
        axe_check.require_clean(driver, "account page after SwissID")
        print("swissid flow passed")
    except Exception:
        driver.save_screenshot(os.path.join(args.screenshots, "99-failure.png"))
        print("failed at", driver.current_url, file=sys.stderr)
        raise
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
