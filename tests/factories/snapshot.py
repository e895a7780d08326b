"""The committed snapshot, to break on purpose: a private copy of data/, byte digests for 'byte-identical'
checks, and a miniature ../shared/sources/compiled tree with the real one's columns."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMPILED_HEAD = "month,value,unit,source_title,source_url,quote_of_figure,{kind},data_provider,note\n"
# file -> (name of its fourth-from-last column, rows); a few rows each, covering the importer's rules
COMPILED_ROWS = {
    "india_crude_imports_by_origin_monthly.csv": (
        "origin",
        [
            "2025-01,1.67,million bpd,Page A,https://a.example/1,q,Russia,Kpler,",
            "2025-01,1.49,million bpd,Page B,https://b.example/1,q,Russia,Vortexa,",
            "2025-02,1.45,million bpd,Page C,https://c.example/1,q,Russia,Kpler,partial month (to Feb 23)",
            "2025-02,1.48,million bpd,Page D,https://d.example/1,q,Russia,Kpler,",
            "2025-02,1.41,million bpd,Page E,https://e.example/1,q,Russia,Vortexa,",
            "2025-03,31,million barrels (month total),Page F,https://f.example/1,q,Russia,"
            "Refinitiv Eikon (via Reuters),",
            "2025-04,1.92,million bpd,Page G,https://g.example/1,q,Russia,(not named; tanker data),",
            "2025-05,1.80,million bpd,Page H,https://h.example/1,q,Russia,Reuters sources,",
            "2025-06,35.7,percent of India crude imports,Page I,https://i.example/1,q,Russia (share),Kpler,",
            "2025-07,36.0,percent of India crude imports,Page J,https://j.example/1,q,Russia (share),Kpler,",
            "2025-06,0.67,million bpd,Page K,https://k.example/1,q,Russia (shipments/loadings to India),"
            "(not named; ship-tracking),",
            "2024-12,3.19,billion USD,Page L,https://l.example/1,q,Russia,Department of Commerce (official),value",
            "2025-01,4.0,billion USD,Page M,https://m.example/1,q,Russia,Government of India trade data,",
        ],
    ),
    "china_crude_imports_from_russia_monthly.csv": (
        "origin",
        [
            "2024,108.5,million tonnes (annual),Page N,https://n.example/1,q,Russia,China customs (GACC) via Reuters,",
            "2023,107,million tonnes (annual),Page N,https://n.example/2,q,Russia,China customs (GACC) via Sina,",
            "2025-03,8.85,million tonnes,Page O,https://o.example/1,q,Russia,China customs (GACC),",
            "2025-04,2.25,million bpd,Page P,https://p.example/1,q,Russia,China customs (GACC),",
            "2025-04,9.26,million tonnes,Page P,https://p.example/1,q,Russia,China customs (GACC),",
        ],
    ),
    "urals_price_and_discount_monthly.csv": (
        "series",
        [
            "2025-01,67.66,USD/bbl,Page Q,https://q.example/1,q,Urals average price,Russian Finance Ministry,",
            "2025-02,61.0,USD/bbl (approx),Page R,https://r.example/1,q,Urals average price,"
            "Statista (mirror page),approximate",
        ],
    ),
    "russia_oil_revenue_by_destination.csv": (
        "series",
        [
            "2025-01,789.1,billion RUB,Page S,https://s.example/1,q,Russia federal budget oil & gas revenue,"
            "Russian Finance Ministry (via Reuters),",
            "2025-02,771.3,billion RUB,Page T,https://t.example/1,q,Russia federal budget oil & gas revenue,"
            "Russian Finance Ministry (via Reuters),",
            "2025,8480,billion RUB (annual),Page U,https://u.example/1,q,Russia federal budget oil & gas revenue,"
            "Russian Finance Ministry (via Reuters),annual 2025",
        ],
    ),
}


def copy_snapshot(tmp_path: Path) -> Path:
    """A private copy of the committed data/ folder, to break on purpose."""
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def snapshot_digest(folder: Path) -> dict[str, str]:
    """Bytes of every file under a folder, for 'byte-identical' checks."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_compiled_sources(root: Path) -> Path:
    """A miniature ../shared/sources tree with the same columns as the real one (a few rows each)."""
    compiled = root / "compiled"
    compiled.mkdir(parents=True)
    for name, (kind, rows) in COMPILED_ROWS.items():
        (compiled / name).write_text(COMPILED_HEAD.format(kind=kind) + "\n".join(rows) + "\n")
    return compiled


def end_series_early(folder: Path, series_id: str, end: str, vintage: str) -> None:
    """Cut one series of a data/ copy at `end` (its record's last, rows and checksum follow) and name the
    result a new vintage, so every cache keyed by the vintage reads it afresh."""
    import json

    import pandas as pd

    csv_path, meta_path = folder / "series" / f"{series_id}.csv", folder / "series" / f"{series_id}.json"
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    kept = frame[pd.to_datetime(frame["date"]) <= pd.Timestamp(end)]
    kept.to_csv(csv_path, index=False, lineterminator="\n")
    meta = json.loads(meta_path.read_text())
    dates = pd.to_datetime(kept["date"])
    meta.update(
        last=str(dates.max().date()), rows=len(kept), checksum=hashlib.sha256(csv_path.read_bytes()).hexdigest()
    )
    meta_path.write_text(json.dumps(meta, indent=1))
    info = json.loads((folder / "snapshot.json").read_text())
    (folder / "snapshot.json").write_text(json.dumps(dict(info, vintage=vintage)))


def write_compiled_rows(compiled: Path, name: str, rows: list[dict]) -> Path:
    """One compiled file with the given rows (missing columns blank), quoted as the real files are; a row's line
    in the file is its position + 2 (line 1 is the header)."""
    import csv

    kind = "origin" if name.startswith(("india", "china")) else "series"
    columns = ["month", "value", "unit", "source_title", "source_url", "quote_of_figure", kind, "data_provider", "note"]
    compiled.mkdir(parents=True, exist_ok=True)
    with (compiled / name).open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for n, row in enumerate(rows):
            base = {"source_title": f"Page {n}", "source_url": f"https://page{n}.example/", "quote_of_figure": "q"}
            writer.writerow({**base, **row})
    return compiled / name
