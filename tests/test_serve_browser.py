"""`vnplan serve` end to end in headless Chromium (driven by Selenium and chromedriver), on
SQLite and on PostgreSQL: upload the two samples, a revision of the sample and two real
documents through the page's file input, wait for the live progress list to say they are
done, search without tone marks, open a task's box on its page, compare the revision with
the sample, and download an answer as XLSX and read it back. Each step is asserted on the
DOM; screenshots go to out/artefacts/serve-<database>-<step>.png. No page may trip the CSP.
"""
from __future__ import annotations

import shutil
import socket
import threading
from pathlib import Path

import openpyxl
import pytest

from browser import CHROMIUM_FLAGS, chromium  # noqa: F401 - the fixture
from db_engines import ENGINES, empty_url
from real_fixtures import real
from revisions import SAMPLE_DOCX, SAMPLE_PDF
from serve_helpers import REVISED_LEAD, sample_revision

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ARTEFACTS = ROOT / "out" / "artefacts"
REAL_UPLOADS = ("10_KH-173-KH-UBND_HaNoi_2026-04-28_Festival-ThangLong.pdf",
                "04_KH-UBND_LamDong_kiem-tra-CCHC-2026_draft-2026-01.docx")
# Hang guards (seconds), not speed checks: five conversions on a busy machine, one page.
QUEUE_WAIT, PAGE_WAIT = 900, 120


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module", params=ENGINES)
def server(request, tmp_path_factory):
    """uvicorn in a thread on 127.0.0.1 and a free port; yields (base URL, database kind, folder)."""
    import uvicorn

    from pipeline.serve.app import make_app
    from pipeline.serve.settings import Settings

    tmp = tmp_path_factory.mktemp(f"serve-browser-{request.param}")
    app = make_app(Settings(db_url=empty_url(request.param, tmp), data_dir=tmp / "data"))
    port = _free_port()
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    for _ in range(PAGE_WAIT * 10):
        if uv.started:
            break
        threading.Event().wait(0.1)
    yield f"http://127.0.0.1:{port}", request.param, tmp
    uv.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def driver(chromium, tmp_path_factory):  # noqa: F811 - the fixture named like the import
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromedriver = shutil.which("chromedriver")
    if chromedriver is None:
        pytest.skip("chromedriver is not installed (apt-get install chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, "--window-size=1400,1000"]:
        options.add_argument("--headless=new" if flag == "--headless" else flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(chromedriver), options=options)
    browser.set_page_load_timeout(PAGE_WAIT)
    yield browser
    browser.quit()


def _shot(driver, kind: str, step: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTEFACTS / f"serve-{kind}-{step}.png"))


def _csp_violations(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]


def _wait(driver, seconds: float, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.5).until(condition)


# The progress list in one read: it is rebuilt every second, so elements found one by one go stale.
_JOBS = ("return Array.from(document.querySelectorAll('#jobs li[data-status]')).map(li => [li.querySelector('.name')"
         ".textContent, li.dataset.status, li.querySelector('a') ? li.querySelector('a').href : null])")


def _jobs(driver) -> list[tuple[str, str, str | None]]:
    """(file name, status, its document's page) of each line of the progress list."""
    return [tuple(row) for row in driver.execute_script(_JOBS)]


def _settled(driver, count: int) -> bool:
    jobs = _jobs(driver)
    return len(jobs) == count and all(status in ("done", "failed") for _, status, _ in jobs)


def test_upload_search_review_compare_export(server, driver, tmp_path):
    from selenium.webdriver.common.by import By

    base, kind, folder = server
    uploads = [SAMPLE_PDF, SAMPLE_DOCX, sample_revision(folder / "rev"), *(real(n) for n in REAL_UPLOADS)]

    # 1. Upload through the file input (the page's script sends them one by one) and wait.
    driver.get(f"{base}/upload")
    driver.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in uploads))
    _wait(driver, QUEUE_WAIT, lambda d: _settled(d, len(uploads)))
    _shot(driver, kind, "1-uploaded")
    jobs = _jobs(driver)
    assert {name: status for name, status, _ in jobs} == {p.name: "done" for p in uploads}
    documents = {name: page for name, _, page in jobs}

    # 2. Search without tone marks.
    driver.get(f"{base}/documents")
    driver.find_element(By.ID, "q").send_keys("chuyen doi so")
    driver.find_element(By.ID, "search").click()
    _wait(driver, PAGE_WAIT, lambda d: d.find_elements(By.CSS_SELECTOR, "#hits li"))
    marks = [m.text.lower() for m in driver.find_elements(By.CSS_SELECTOR, "#hits mark")]
    assert "chuyển đổi số" in marks
    _shot(driver, kind, "2-search")

    # 3. A task of the sample's PDF, then its box on the page.
    driver.get(documents[SAMPLE_PDF.name])
    driver.find_element(By.CSS_SELECTOR, "#tasks tbody tr:nth-child(2) a").click()
    _wait(driver, PAGE_WAIT, lambda d: d.find_elements(By.ID, "show-box"))
    assert driver.find_elements(By.CSS_SELECTOR, "#history tbody tr")
    _shot(driver, kind, "3-task")
    driver.find_element(By.ID, "show-box").click()
    _wait(driver, PAGE_WAIT, lambda d: d.execute_script("return document.querySelector(':target')"))
    target = driver.execute_script("const t = document.querySelector(':target');"
                                   "return [t.className, t.dataset.ptr, t.getBoundingClientRect().top, innerHeight]")
    assert "box" in target[0] and target[1] == "/tasks/1", target
    assert 0 <= target[2] <= target[3], f"the box is out of view: {target}"
    _shot(driver, kind, "4-box")

    # 4. The revision compared with the sample.
    driver.get(documents["plan-196-KH-UBND-revised.docx"])
    driver.find_element(By.ID, "compare-previous").click()
    _wait(driver, PAGE_WAIT, lambda d: d.find_elements(By.ID, "summary"))
    assert REVISED_LEAD in " ".join(e.text for e in driver.find_elements(By.TAG_NAME, "ins"))
    _shot(driver, kind, "5-compare")

    # 5. An answer downloaded as XLSX, read back.
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    driver.get(f"{base}/questions/open_tasks")
    shown = len(driver.find_elements(By.CSS_SELECTOR, "#answer tbody tr"))
    headers = [th.text for th in driver.find_elements(By.CSS_SELECTOR, "#answer thead th")]
    _shot(driver, kind, "6-question")
    driver.find_element(By.ID, "export-xlsx").click()
    book = tmp_path / "open_tasks.xlsx"
    _wait(driver, PAGE_WAIT, lambda d: book.exists())
    sheet = openpyxl.load_workbook(book).active
    assert [c.value for c in sheet[1]] == headers
    assert sheet.max_row - 1 == shown > 0
    assert _csp_violations(driver) == []
