"""components.case_bundle: a case from accepted claims validates and loads in memory; zip round trip; an
uploaded zip is checked (size, count, names, paths, ratio, encoding, schema) before anything is parsed."""

from __future__ import annotations

import io
import stat
import zipfile

import pandas as pd
import pytest

from components import case, case_bundle, case_library
from components.claimscan import scan
from tests.factories.claimscan import SCAN_ACTORS, SCAN_CATALOG, SCAN_PUBLISHED, scan_context

TEXT = (
    "India is expected to import about 1.87 million bpd of Russian crude in November, Kpler data showed.\n\n"
    "The US sanctioned Russia's Rosneft on October 22, 2025 and India bought oil from Russia."
)


def _accepted(result):
    return [
        {
            "id": c.id,
            "paraphrase": f"Claim {c.id} in the user's words.",
            "kind": c.kind,
            "actors": c.actors,
            "period_start": (c.periods[0].start if c.periods else pd.Timestamp("2025-11-01")).date(),
            "period_end": (c.periods[0].end if c.periods else pd.Timestamp("2025-11-30")).date(),
            "paragraph": c.paragraph,
            "evidence": c.spec,
            "sentence_no": c.sentence_no,
            "event_ids": [e.event_id for e in c.events],
        }
        for c in result.candidates
    ]


@pytest.fixture
def files():
    result = scan.scan_article(TEXT, case_actors=SCAN_ACTORS, catalog=SCAN_CATALOG, published=SCAN_PUBLISHED)
    assert len(result.candidates) == 2
    return case_bundle.build_files(
        "my-article",
        title="A pasted <b>article</b>",
        published=SCAN_PUBLISHED,
        article_text=TEXT,
        claims=_accepted(result),
        actors=result.actors,
        relations=result.relations,
        base_events=None,
        base_actors=SCAN_ACTORS,
    )


def test_built_case_validates_and_loads_in_memory(files):
    assert case_bundle.validate(files, "my-article", set(SCAN_CATALOG["id"])) == []
    loaded = case_bundle.load(
        files, "my-article", get_series=scan_context().get_series, get_points=scan_context().get_points
    )
    assert [c.id for c in loaded.claims] == ["c01", "c02"]
    assert loaded.claims[0].verdict.rule == "value_matches"
    assert loaded.meta["title"] == "A pasted <b>article</b>"  # kept as data; pages escape it on display
    assert "Kpler data showed" not in files["claims.toml"]  # the user paraphrases; the text is not stored
    assert "Kpler data showed" not in files["article_fingerprint.json"]


def test_zip_round_trip_and_the_library_loads_it(files, tmp_path):
    data = case_bundle.to_zip(files, "my-article")
    case_id, back = case_bundle.read_zip(data)
    assert case_id == "my-article" and back == files
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        z.extractall(tmp_path)
    assert case_library.validate_dir(tmp_path / "my-article", set(SCAN_CATALOG["id"])) == []
    assert case_library.case_ids(tmp_path) == ["my-article"]
    assert case.load_case("my-article", tmp_path, use_data_layer=False).claims


def _zip(entries: dict[str, bytes], compress=zipfile.ZIP_DEFLATED, symlink: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as z:
        for name, body in entries.items():
            z.writestr(name, body)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, "/etc/passwd")
    return buf.getvalue()


@pytest.mark.parametrize(
    "make,words",
    [
        (lambda: b"not a zip at all", "not a zip"),
        (lambda: _zip({}), "empty"),
        (lambda: _zip({"c/../../etc/case.toml": b"x"}), "outside its folder"),
        (lambda: _zip({"/abs/case.toml": b"x"}), "outside its folder"),
        (lambda: _zip({"c\\case.toml": b"x"}), "outside its folder"),
        (lambda: _zip({"c/run.py": b"print(1)"}), "not a case file"),
        (lambda: _zip({"a/case.toml": b"x", "b/claims.toml": b"x"}), "exactly one case folder"),
        (lambda: _zip({f"c/f{i}.csv": b"x" for i in range(20)}), "at most"),
        (lambda: _zip({"c/case.toml": b"\x00" * 3_000_000}), "unpacked"),
        (lambda: _zip({"c/case.toml": b"a" * 1_000_000}), "zip bomb"),
        (lambda: _zip({"c/case.toml": "caf\u00e9".encode("latin-1")}), "UTF-8"),
        (lambda: _zip({"c/case.toml": b"x"}), "missing"),
        (lambda: _zip({"Bad Name/case.toml": b"x"}), "lowercase"),
        (lambda: _zip({"c/case.toml": b"x"}, symlink="c/actors.csv"), "symbolic link"),
        (lambda: b"x" * (case_bundle.MAX_ZIP_BYTES + 1), "1,048,577 bytes; the limit is 1,048,576"),
    ],
)
def test_hostile_zips_are_refused_with_the_reason(make, words):
    with pytest.raises(case_bundle.BundleError, match=words):
        case_bundle.read_zip(make())


def test_schema_problems_of_an_uploaded_case_are_named(files):
    broken = dict(files, **{"actors.csv": files["actors.csv"].replace(",state,", ",empire,", 1)})
    problems = case_bundle.validate(broken, "my-article", set(SCAN_CATALOG["id"]))
    assert problems and problems[0].file == "actors.csv" and problems[0].field == "kind" and problems[0].line == 2
