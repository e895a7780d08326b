"""One palette: a colour means one thing. Verdict, event-category and provider colours (components.style) never
share a hex, and any two with different meanings are at least MIN_DELTA_E apart in CIELAB (CIE76 ΔE, D65), so a
red sanctions marker cannot be read as a red 'contradicted'."""

from __future__ import annotations

import itertools
import math

import pytest

from components import style

MIN_DELTA_E = 20.0  # CIE76: about 2.3 is a just-noticeable difference; 20 reads as a different colour


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """sRGB hex -> CIELAB (D65 white), the textbook formulas."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _meanings() -> dict[str, dict[str, str]]:
    """Each palette as meaning -> hex (verdicts by badge colour: statuses sharing a badge share its meaning)."""
    return {
        "verdict": dict(style.BADGE_HEX),
        "event": {
            **style.EVENT_CATEGORY_COLORS,
            "unknown category": style.UNKNOWN_HEX,
            "several categories": style.EVENT_GROUP_HEX,
        },
        "provider": dict(style.PROVIDER_COLORS),
    }


def _pairs_across():
    for (name_a, pal_a), (name_b, pal_b) in itertools.combinations(_meanings().items(), 2):
        for (key_a, hex_a), (key_b, hex_b) in itertools.product(pal_a.items(), pal_b.items()):
            yield f"{name_a} {key_a}", hex_a, f"{name_b} {key_b}", hex_b


def test_the_lab_conversion_matches_published_values():
    assert _lab("#ffffff") == pytest.approx((100.0, 0.0, 0.0), abs=0.05)
    assert _lab("#ff0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.1)  # sRGB red, CIELAB D65
    assert _lab("#808080")[0] == pytest.approx(53.59, abs=0.1)


def test_no_hex_is_shared_between_palettes():
    shared = [(a, b, hex_a) for a, hex_a, b, hex_b in _pairs_across() if hex_a.lower() == hex_b.lower()]
    assert shared == []


def test_colours_with_different_meanings_are_perceptually_apart():
    close = [
        (a, b, round(math.dist(_lab(hex_a), _lab(hex_b)), 1))
        for a, hex_a, b, hex_b in _pairs_across()
        if math.dist(_lab(hex_a), _lab(hex_b)) < MIN_DELTA_E
    ]
    assert close == []


@pytest.mark.parametrize("palette", ["event", "provider"])
def test_within_a_palette_every_meaning_has_its_own_colour(palette):
    colours = list(_meanings()[palette].items())
    close = [
        (a, b)
        for (a, hex_a), (b, hex_b) in itertools.combinations(colours, 2)
        if math.dist(_lab(hex_a), _lab(hex_b)) < 15
    ]
    assert close == []


def test_verdict_hex_follows_its_badge():
    assert {style.VERDICT_HEX[s] for s in style.VERDICT_BADGE} <= set(style.BADGE_HEX.values())


@pytest.mark.parametrize(
    ("series_id", "provider"),
    [
        ("india_imports_russia_kpler", "kpler"),
        ("india_imports_russia_vortexa", "vortexa"),
        ("india_russia_share_reuters", "reuters"),
        ("india_imports_russia_fy_dgcis", "official"),
        ("china_imports_russia_gacc_mt", "gacc"),
        ("brent_spot_eia", "eia"),
    ],
)
def test_a_series_id_names_its_provider_colour(series_id, provider):
    assert style.provider_color(series_id) == style.PROVIDER_COLORS[provider]


def test_an_id_naming_no_provider_gets_no_colour():
    assert style.provider_color("brent_spot_eia_monthly_mean") == style.PROVIDER_COLORS["eia"]
    assert style.provider_color("urals_minus_brent_computed") is None
