"""Bring your own article in a real browser: paste a text, accept two claims, open them as a case, and see
that case on another page; the case picker switches to the second real case through the URL."""

from __future__ import annotations

import re

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


def test_paste_accept_two_claims_and_open_as_case(page, app_server):
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
    # tick 'accept' in the first two rows (glide-data-grid draws the grid on a canvas, so cells are found by
    # position: 35 px header, 35 px rows, 'accept' the first column)
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    for row in range(2):
        page.mouse.click(box["x"] + 42, box["y"] + 35 + 35 * row + 17)  # selects the cell ...
        page.wait_for_timeout(300)
        page.keyboard.press("Space")  # ... and Space ticks it
        wait_app_ready(page)
    page.get_by_text("Accepted claims, with the verdict").wait_for()
    page.get_by_role("button", name=re.compile(r"Open as a case \(2 claims")).click()
    wait_app_ready(page)
    page.get_by_text("every page now shows this case").wait_for()
    assert "case=session-" in page.url
    # another page in the same session shows the opened case
    page.get_by_role("link", name="Claims").first.click()
    wait_app_ready(page)
    assert _picked(page) == "My article (this session)"
    assert "1.87" in page.locator('[data-testid="stMain"]').inner_text()


def test_case_param_switches_every_page_to_the_second_case(page, app_server):
    page.goto(f"{app_server}/Hindsight?case=2025-11-india-december-low")
    wait_app_ready(page)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "three years" in body or "December" in body
    assert _picked(page).startswith("Would India's Russian crude intake sink")
