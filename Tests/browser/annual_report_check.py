"""Opens annual report HTML files in headless Chromium: axe-core finds no serious or critical
violation, the charts are there, and the report prints (Chromium's print to PDF, A4), keeping a
screenshot and the PDF of each as test artefacts.

    python3 annual_report_check.py --artifacts DIR --profile DIR FILE.html [FILE.html …]
"""
import argparse
import base64
import os
import re
import sys

from selenium.webdriver.common.print_page_options import PrintOptions

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import axe_check  # noqa: E402
from caseworker_flow import chromium  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)
    driver = chromium(args.profile, window="1100,1600")
    try:
        for path in args.files:
            name = os.path.splitext(os.path.basename(path))[0]
            driver.get("file://" + os.path.abspath(path))
            axe_check.require_clean(driver, name)
            charts = driver.find_elements("css selector", "svg.report-chart")
            if len(charts) < 3:
                raise AssertionError(f"{name}: {len(charts)} chart(s), expected at least 3")
            driver.save_screenshot(os.path.join(args.artifacts, name + ".png"))
            printing = PrintOptions()
            printing.page_width = 21.0
            printing.page_height = 29.7
            pdf = base64.b64decode(driver.print_page(printing))
            pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
            if not pdf.startswith(b"%PDF") or pages < 2:
                raise AssertionError(f"{name}: the printed report is not a PDF of two pages or more")
            with open(os.path.join(args.artifacts, name + ".pdf"), "wb") as handle:
                handle.write(pdf)
            print(f"{name}: accessible, {len(charts)} charts, printed on {pages} pages")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
