"""Refresh from the publishers with recorded responses: a good download adds a vintage; a truncated one,
wrong columns, an HTML error page or a network error leaves the data folder byte-identical and says why."""

import io
import urllib.error
import zipfile
from urllib.parse import parse_qs, urlparse

import pytest

from bench.recorded import ECB_COLUMNS, HTML_ERROR_PAGE, Recorded, ecb_csv, ecb_rates, ecb_zip, eia_body, eia_rows
from components.data import publishers, snapshot
from components.data.publishers import http_get as real_http_get  # conftest stubs the module's one
from components.data.refresh import refresh_publishers
from components.data.vintages import read_vintages
from tests.factories.case_files import make_case_folder
from tests.factories.publishers import (
    NEW_DAYS,
    SNAPSHOT_DAYS,
    brent_prices,
    eia_answer,
    folder_bytes,
    good_ecb,
    good_eia,
    make_data_dir,
    wti_prices,
)

TODAY = "2026-10-01"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(publishers.EIA_KEY_VARIABLE, "test-key")
    data_dir = make_data_dir(tmp_path)
    cases = make_case_folder(tmp_path / "cases")
    return data_dir, cases


def run(folder, fetch):
    data_dir, cases = folder
    return refresh_publishers(fetch, data_dir, TODAY, cases_root=cases)


def test_good_downloads_add_one_vintage(folder):
    data_dir, _ = folder
    report = run(folder, Recorded(ecb=good_ecb(), eia=good_eia()))
    assert report.ok, report.lines()
    record = report.record
    assert record["kind"] == "refresh" and record["date"] == TODAY
    added = len(NEW_DAYS) - len(SNAPSHOT_DAYS)
    for sid in ("brent_spot_eia", "wti_spot_eia", "usd_inr_ecb", "usd_cny_ecb"):
        assert record["changes"][sid]["added"] == added
        assert record["changes"][sid]["revised"] == 0
        assert record["sources"][sid]["last"] == "2026-09-30"
    history = read_vintages(data_dir)
    assert [r["kind"] for r in history] == ["import", "refresh"]  # the snapshot before became the first vintage
    assert history[-1]["previous"] == history[0]["id"] != history[-1]["id"]
    changelog = (data_dir / "CHANGELOG.md").read_text()
    assert f"vintage {record['id']}" in changelog and f"`brent_spot_eia`: {added} added" in changelog
    assert '"vintage": "' + record["id"] in (snapshot.active_dir(data_dir) / "snapshot.json").read_text()


def test_the_same_data_again_adds_no_vintage(folder):
    data_dir, _ = folder
    run(folder, Recorded(ecb=good_ecb(), eia=good_eia()))
    before = folder_bytes(data_dir)
    report = run(folder, Recorded(ecb=good_ecb(), eia=good_eia()))
    assert report.record is None and "unchanged" in report.message
    assert folder_bytes(data_dir) == before


def test_a_revision_is_listed_not_refused(folder):
    line = brent_prices(NEW_DAYS)
    line.loc["2026-08-03"] += 1.25
    body = eia_answer(line, wti_prices(NEW_DAYS))
    report = run(folder, Recorded(ecb=good_ecb(), eia=body))
    assert report.ok
    change = report.record["changes"]["brent_spot_eia"]
    assert change["revised"] == 1 and change["largest"][0]["date"] == "2026-08-03"
    assert change["largest"][0]["change"] == pytest.approx(1.25)
    assert "1 revised" in report.updates[0].reason


def truncated_zip() -> bytes:
    body = good_ecb()
    return body[: len(body) // 2]


def truncated_csv() -> bytes:
    text = ecb_csv(ecb_rates(NEW_DAYS))
    return ecb_zip(text[: len(text) // 2])  # newest rows first: a cut file loses the oldest dates


def wrong_columns() -> bytes:
    columns = [c for c in ECB_COLUMNS if c != "INR"]
    return ecb_zip(ecb_csv(ecb_rates(NEW_DAYS), columns))


def swapped_columns() -> bytes:
    rates = ecb_rates(NEW_DAYS).rename(columns={"INR": "CNY", "CNY": "INR"})
    return ecb_zip(ecb_csv(rates))


BAD_ECB = {
    "truncated zip": (truncated_zip(), "damaged"),
    "truncated csv": (truncated_csv(), "missing from the download"),
    "wrong columns": (wrong_columns(), "lacks the column(s) INR"),
    "swapped columns": (swapped_columns(), "outside"),
    "html error page": (HTML_ERROR_PAGE, "web page instead"),
    "network error": (publishers.PublisherError("network error: [Errno -3] Temporary failure"), "network error"),
}


@pytest.mark.parametrize("case", sorted(BAD_ECB))
def test_a_bad_ecb_download_changes_nothing(folder, case):
    data_dir, _ = folder
    answer, words = BAD_ECB[case]
    before = folder_bytes(data_dir)
    report = run(folder, Recorded(ecb=answer, eia=good_eia(days=SNAPSHOT_DAYS)))
    ecb = next(u for u in report.updates if u.publisher == "ECB")
    assert not ecb.ok and words in ecb.reason and ecb.reason.startswith("ECB not refreshed")
    assert report.record is None and "the saved data are unchanged" in report.message  # EIA had nothing new
    assert folder_bytes(data_dir) == before


def eia_truncated() -> bytes:
    body = eia_body(eia_rows({"RBRTE": brent_prices(NEW_DAYS), "RWTC": wti_prices(NEW_DAYS)}))
    return body[: len(body) - 400]


def eia_wrong_columns() -> bytes:
    rows = [
        {k: v for k, v in r.items() if k != "value"} | {"price": r["value"]}
        for r in eia_rows({"RBRTE": brent_prices(NEW_DAYS)})
    ]
    return eia_body(rows)


def eia_partial():
    """The first page of a query that said more rows; the next page comes back empty (connection cut)."""
    rows = eia_rows({"RBRTE": brent_prices(NEW_DAYS), "RWTC": wti_prices(NEW_DAYS)})

    def answer(url: str) -> bytes:
        offset = int(parse_qs(urlparse(url).query)["offset"][0])
        return eia_body(rows[:10] if offset == 0 else [], total=len(rows))

    return answer


def eia_stale() -> bytes:
    days = SNAPSHOT_DAYS[:-5]
    return eia_body(eia_rows({"RBRTE": brent_prices(days), "RWTC": wti_prices(days)}))


def eia_wrong_units() -> bytes:
    rows = eia_rows({"RBRTE": brent_prices(NEW_DAYS), "RWTC": wti_prices(NEW_DAYS)})
    return eia_body([dict(r, units="$/GAL") for r in rows])


BAD_EIA = {
    "truncated json": (eia_truncated(), "not complete JSON"),
    "wrong columns": (eia_wrong_columns(), "lacks period/series/value"),
    "partial pages": (eia_partial(), "partial download"),
    "ends early": (eia_stale(), "before the snapshot's last date"),
    "wrong units": (eia_wrong_units(), "not dollars per barrel"),
    "api error": (b'{"error": "API_KEY_INVALID", "code": 403}', "refused the request: API_KEY_INVALID"),
    "html error page": (HTML_ERROR_PAGE, "web page instead"),
    "network error": (publishers.PublisherError("network error: timed out"), "network error"),
}


@pytest.mark.parametrize("case", sorted(BAD_EIA))
def test_a_bad_eia_download_changes_nothing(folder, case):
    data_dir, _ = folder
    answer, words = BAD_EIA[case]
    before = folder_bytes(data_dir)
    same_ecb = ecb_zip(ecb_csv(ecb_rates(SNAPSHOT_DAYS)))
    report = run(folder, Recorded(ecb=same_ecb, eia=answer))
    eia = report.updates[0]
    assert eia.publisher == "EIA" and not eia.ok and words in eia.reason, eia.reason
    assert "test-key" not in eia.reason
    assert report.record is None
    assert folder_bytes(data_dir) == before


def test_one_bad_publisher_does_not_stop_the_other(folder):
    report = run(folder, Recorded(ecb=HTML_ERROR_PAGE, eia=good_eia()))
    assert [u.ok for u in report.updates] == [True, False] and not report.ok
    assert set(report.record["changes"]) == {"brent_spot_eia", "wti_spot_eia"}


def test_without_a_key_eia_says_so_and_ecb_still_refreshes(folder, monkeypatch):
    monkeypatch.delenv(publishers.EIA_KEY_VARIABLE)
    fetch = Recorded(ecb=good_ecb(), eia=AssertionError("EIA must not be asked without a key"))
    report = run(folder, fetch)
    assert "EIA_API_KEY is not set" in report.updates[0].reason
    assert report.updates[1].ok and "usd_inr_ecb" in report.record["changes"]
    assert all(url.startswith(publishers.ECB_URL) for url in fetch.urls)


def test_http_get_turns_every_network_failure_into_words(monkeypatch):
    def refuse(*args, **kwargs):
        raise urllib.error.URLError("[Errno 111] Connection refused")

    monkeypatch.setattr(publishers.urllib.request, "urlopen", refuse)
    with pytest.raises(publishers.PublisherError, match="network error: .*Connection refused"):
        real_http_get(publishers.ECB_URL)

    def server_error(*args, **kwargs):
        raise urllib.error.HTTPError(publishers.ECB_URL, 503, "Service Unavailable", {}, io.BytesIO(b""))

    monkeypatch.setattr(publishers.urllib.request, "urlopen", server_error)
    with pytest.raises(publishers.PublisherError, match="HTTP 503"):
        real_http_get(publishers.ECB_URL)


def test_the_real_ecb_file_layout_parses(tmp_path):
    """The layout of the ECB's own file (first lines of the copy in ../shared, as committed in the factory)."""
    text = ECB_COLUMNS_LINE + "\n" + ECB_REAL_ROW + "\n"
    frame = publishers.parse_ecb_zip(ecb_zip(text))
    assert frame.loc["2026-10-30", "INR"] == pytest.approx(106.084)
    line = publishers.ecb_series(frame)["usd_inr_ecb"]
    assert line.iloc[0] == pytest.approx(round(106.084 / 1.1172, 6))


ECB_COLUMNS_LINE = ",".join(ECB_COLUMNS) + ","
ECB_REAL_ROW = (
    "2026-10-30,1.1172,175.68,N/A,N/A,24.353,7.4735,N/A,0.8338,366.33,N/A,N/A,N/A,4.4038,N/A,5.3447,10.978,"
    "N/A,N/A,0.9194,136,10.312,N/A,N/A,N/A,55.8015,1.5904,6.0692,1.5606,7.4326,8.7652,20275.17,3.495,106.084,"
    "1491.76,21.1237,4.5325,1.9823,71.143,1.4282,37.683,18.6455,"
)


def test_ecb_zip_with_another_member_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("eurofxref.csv", "Date,USD,\n")
    with pytest.raises(publishers.PublisherError, match="not eurofxref-hist.csv"):
        publishers.parse_ecb_zip(buffer.getvalue())
