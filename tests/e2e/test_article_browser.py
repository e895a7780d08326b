"""Bring your own article in a real browser: paste a text, accept two claims, open them as a case, and see
that case on another page; download the accepted claims as a case zip and upload it back to view it; a
hostile zip gets a message; the case picker switches to the second real case through the URL."""

from __future__ import annotations

import io
import re
import zipfile

from bench.browser import wait_app_ready

TEXT = (
    "India is expected to import about 1.87 million bpd of Russian crude in November 2025, Kpler data showed.\n\n"
    "In December 2025 India's imports of Russian crude fell to the lowest in three years.\n\n"
    "The US sanctioned Rosneft and Lukoil on October 22, 2025."
)


def _picked(page) -> str:
    """The case the sidebar picker shows (a combobox: its value is the input's)."""
    return page.get_by_role("combobox", name="Case").input_value()


def _tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def _paste_and_accept(page, app_server, rows: int) -> None:
    """Paste TEXT on the Bring-your-own-article tab and tick 'accept' in the first `rows` candidates."""
    page.goto(f"{app_server}/Actor_network")
    wait_app_ready(page)
    _tab(page, "Bring your own article")
    area = page.get_by_label("…or paste text")
    area.fill(TEXT)
    area.press("Control+Enter")
    wait_app_ready(page)
    page.get_by_text("Candidate claims, most check-worthy first").wait_for()
    grid = page.locator('[data-testid="stDataFrame"]:visible').first  # the other tab's tables are hidden
    grid.wait_for()
    # tick 'accept' in the first rows (glide-data-grid draws the grid on a canvas, so cells are found by
    # position: 35 px header, 35 px rows, 'accept' the first column)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    for row in range(rows):
        page.mouse.click(box["x"] + 42, box["y"] + 35 + 35 * row + 17)  # selects the cell ...
        page.wait_for_timeout(300)
        page.keyboard.press("Space")  # ... and Space ticks it
        wait_app_ready(page)
    page.get_by_text("Accepted claims, with the verdict").wait_for()


def _upload(page, name: str, data: bytes) -> None:
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        {"name": name, "mimeType": "application/zip", "buffer": data}
    )
    wait_app_ready(page)


def _shown_on_claims(page) -> None:
    """The case just opened is said so, and another page of the same session (Claims) shows it."""
    wait_app_ready(page)
    page.get_by_text("every page now shows this case").wait_for()
    assert "case=session-" in page.url
    page.get_by_role("link", name="Claims").first.click()
    wait_app_ready(page)
    assert _picked(page) == "My article (this session)"
    assert "1.87" in page.locator('[data-testid="stMain"]').inner_text()


def test_paste_accept_two_claims_and_open_as_case(page, app_server):
    _paste_and_accept(page, app_server, rows=2)
    page.get_by_role("button", name=re.compile(r"Open as a case \(2 claims")).click()
    _shown_on_claims(page)


def test_download_the_case_zip_and_upload_it_back(page, app_server):
    _paste_and_accept(page, app_server, rows=2)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download as a case (zip)").click()
    data = open(download.value.path(), "rb").read()  # noqa: SIM115 - Playwright's own temporary file
    with zipfile.ZipFile(io.BytesIO(data)) as bundle:
        assert any(n.endswith("/claims.toml") for n in bundle.namelist())
    _upload(page, "my-article.zip", data)
    page.get_by_role("button", name=re.compile(r"View the case in this session")).click()
    _shown_on_claims(page)


def test_a_hostile_zip_gets_a_message_and_opens_nothing(page, app_server):
    page.goto(f"{app_server}/Actor_network")
    wait_app_ready(page)
    _tab(page, "Bring your own article")
    hostile = io.BytesIO()
    with zipfile.ZipFile(hostile, "w") as bundle:
        bundle.writestr("../../etc/case.toml", "[case]\ntitle = '<script>alert(1)</script>'\n")
    _upload(page, "hostile.zip", hostile.getvalue())
    refused = re.compile(r"The entry '\.\./\.\./etc/case\.toml' .*(nothing was opened|not a file directly inside)")
    page.locator('[data-testid="stAlert"]:visible').filter(has_text=refused).first.wait_for()
    assert page.get_by_role("button", name=re.compile(r"View the case in this session")).count() == 0
    assert "case=session-" not in page.url


def test_case_param_switches_every_page_to_the_second_case(page, app_server):
    page.goto(f"{app_server}/Hindsight?case=2025-11-india-december-low")
    wait_app_ready(page)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "three years" in body or "December" in body
    assert _picked(page).startswith("Would India's Russian crude intake sink")
