"""An automated accessibility check of the page a Selenium driver shows, with axe-core.

`audit(driver, name)` injects axe-core (the copy PyPI's axe-core-python carries, which
`make test` installs), runs it on the whole document and returns the violations whose impact is
serious or critical, each as one readable line. `require_clean(driver, name)` raises when there is
any, so that a browser flow stops at the first inaccessible page.

Run with Debian's python3: axe-core-python is installed for the PATH's python3, whose site
folder this module asks for, or named by $CIID_AXE_JS.
"""
import json
import os
import subprocess

_SCRIPT = None


def _axe_source():
    global _SCRIPT
    if _SCRIPT is not None:
        return _SCRIPT
    path = os.environ.get("CIID_AXE_JS")
    if not path:
        found = subprocess.run(
            ["python3", "-c", "import axe_core_python, os; print(os.path.dirname(axe_core_python.__file__))"],
            capture_output=True, text=True, env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        )
        if found.returncode != 0:
            raise RuntimeError("axe-core is missing: `make test` installs axe-core-python (pip), or set CIID_AXE_JS to axe.min.js")
        path = os.path.join(found.stdout.strip(), "axe.min.js")
    with open(path, encoding="utf-8") as handle:
        _SCRIPT = handle.read()
    return _SCRIPT


def audit(driver, name):
    """The serious and critical violations of WCAG 2.x A/AA rules on the current page, as lines."""
    driver.execute_script(_axe_source())
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        ".then(r => done(JSON.stringify(r.violations))).catch(e => done(JSON.stringify({error: String(e)})));"
    )
    violations = json.loads(result)
    if isinstance(violations, dict):
        raise RuntimeError(f"axe-core failed on {name}: {violations['error']}")
    lines = []
    for violation in violations:
        if violation.get("impact") not in ("serious", "critical"):
            continue
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{name}: {violation['impact']} {violation['id']} ({violation['help']}) at {targets}")
    return lines


def require_clean(driver, name):
    """Raises AssertionError listing every serious or critical violation on the current page."""
    lines = audit(driver, name)
    if lines:
        raise AssertionError("accessibility violations:\n" + "\n".join(lines))
