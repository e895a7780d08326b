"""components.textscan: input checks, sentence splitting, actor finding, co-occurrence, skeleton."""

from __future__ import annotations

import csv
import io
import tomllib
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import network as N
from components import textscan as T
from tests import network_factories as F

ARTICLE = """Trump threatened on March 30, 2025 to impose secondary tariffs of 25% on buyers of Russian oil.
The threat targets India and China, which bought 1.8 million barrels a day.
However, Indian Oil Corporation said it would keep buying. The U.S. Treasury and the European Union had
sanctioned Rosneft. Let us see what Putin does. In Moscow, the Kremlin shrugged.

## Outlook
Analysts at Goldman Sachs expect Brent to stay near $70. India and Russia will meet again.
"""


@pytest.fixture
def result():
    return T.scan(ARTICLE, F.make_actors())


# ------------------------------------------------------------------------------------------ input
def test_read_upload_ok_and_bom():
    assert T.read_upload("\ufeffHello world.".encode("utf-8"), "a.txt") == "Hello world."
    assert T.read_upload(b"# Title\ntext", "notes.MD").startswith("# Title")


@pytest.mark.parametrize(
    "data,name,msg",
    [
        (b"", "a.txt", "empty"),
        (b"   \n\t ", "a.md", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "a.txt", "binary"),
        ("caf\u00e9".encode("latin-1"), "a.txt", "UTF-8"),
        (b"x" * (T.MAX_BYTES + 1), "a.txt", "limit"),
        (b"hello", "a.pdf", "plain text"),
    ],
)
def test_read_upload_errors(data, name, msg):
    with pytest.raises(T.ScanInputError, match=msg):
        T.read_upload(data, name)


def test_check_text_control_chars():
    with pytest.raises(T.ScanInputError, match="control"):
        T.check_text("\x01\x02\x03" * 50)


# -------------------------------------------------------------------------------------- sentences
def test_split_sentences_protects_abbreviations_and_headings():
    s = T.split_sentences("The U.S. Treasury acted. Mr. Smith agreed! Did he?\n\n## Next\nNew para here.")
    assert s == ["The U.S. Treasury acted.", "Mr. Smith agreed!", "Did he?", "Next", "New para here."]


def test_split_keeps_decimals():
    assert T.split_sentences("Imports were 1.8 mb/d in 2024. Then fell.") == [
        "Imports were 1.8 mb/d in 2024.",
        "Then fell.",
    ]


# ----------------------------------------------------------------------------------------- actors
def test_known_actors_by_label_alias_and_word_boundary(result):
    ids = {a for m in result.mentions for a in m}
    assert {"trump", "india", "china", "us", "eu", "rosneft", "putin", "russia"} <= ids
    # 'Moscow' is an alias of russia; 'Russian' (demonym) counts as Russia
    assert result.mentions[0] == ["trump", "russia"]


def test_short_uppercase_alias_is_case_sensitive():
    r = T.scan("Let usa go. The USA acted.", F.make_actors())
    assert r.mentions == [[], ["us"]]


def test_word_boundaries():
    m = T.KnownMatcher.from_actors(F.make_actors())
    assert m.find("Indiana is not India.")[0] == ["india"]
    assert m.find("Chinatown")[0] == []


def test_other_proper_nouns(result):
    labels = set(result.actors["label"])
    assert {"Indian Oil Corporation", "Kremlin", "Goldman Sachs", "Brent"} <= labels
    assert not labels & {"The", "However", "Let", "Outlook", "Analysts", "In", "March"}


def test_proper_nouns_skip_sentence_initial_stop_words():
    assert T.proper_nouns("The Kremlin said so.") == ["Kremlin"]
    assert T.proper_nouns("However, Bank of Baroda and the State Bank of India agreed.") == [
        "Bank of Baroda",
        "State Bank of India",
    ]
    assert T.proper_nouns("In March, nothing.") == []


def test_unknown_names_can_be_excluded():
    r = T.scan(ARTICLE, F.make_actors(), include_unknown=False)
    assert r.actors["known"].all()


def test_scan_without_actor_table():
    r = T.scan("Alpha Corp met Beta Group in Geneva. Alpha Corp signed.", None)
    assert {"Alpha Corp", "Beta Group", "Geneva"} <= set(r.actors["label"])


# ------------------------------------------------------------------------------------ co-occurrence
def test_cooccurrence_relations(result):
    rel = result.relations
    assert (rel["type"] == T.COOCCURS).all() and not rel["directed"].any()
    pair = rel[(rel.source == "india") & (rel.target == "russia")]
    assert len(pair) == 1 and pair.iloc[0]["weight"] == 1.0 and "sentences" in pair.iloc[0]["note"]
    ic = rel[(rel.source == "china") & (rel.target == "india")]
    assert len(ic) == 1


def test_cooccurrence_graph_renders_offline_and_escaped():
    r = T.scan("<script>Alert</script> Evil Corp met Good Corp. Evil Corp left.", None)
    G = N.build_graph(r.actors, r.relations)
    doc, H, *_ = N.render(G, N.View(), {})
    assert H.number_of_edges() >= 1 and N.external_refs(doc) == [] and "<script>Alert" not in doc


# ------------------------------------------------------------------------------------- candidates
def test_candidate_claims(result):
    c = result.candidates
    first = c[c.sentence_no == 1].iloc[0]
    assert first["has_date"] and first["has_number"] and first["actors"] == ["trump", "russia"]
    assert any("1.8 million" in s for s in c["sentence"])
    assert not any("Kremlin shrugged" in s for s in c["sentence"])


@pytest.mark.parametrize(
    "s,date,number",
    [
        ("It happened on 12 March 2025.", True, False),
        ("Prices rose 5%.", False, True),
        ("In 2024 they bought 2 mb/d.", True, True),
        ("Nothing here.", False, False),
        ("Revenue fell by a third, a billion roubles.", False, True),
    ],
)
def test_candidate_claim_detection(s, date, number):
    assert T.candidate_claim(s) == (date, number)


# --------------------------------------------------------------------------------------- skeleton
def test_skeleton_files_parse_in_case_schema(result):
    files = T.skeleton_files(result, "my-case")
    actors = list(csv.DictReader(io.StringIO(files["actors.csv"])))
    assert list(actors[0]) == ["id", "label", "kind", "country", "role", "aliases"]
    assert all(a["kind"] in ("state", "person", "bloc", "organisation", "company") for a in actors)
    rel = list(csv.DictReader(io.StringIO(files["relations.csv"])))
    assert list(rel[0])[:7] == ["source", "target", "type", "directed", "weight", "start", "end"]
    assert {r["directed"] for r in rel} == {"false"}
    claims = tomllib.loads(files["claims.toml"])["claim"]
    assert len(claims) == len(result.candidates) and claims[0]["id"] == "c01"
    assert claims[0]["evidence"]["rule"] == "pending"
    assert tomllib.loads(files["case.toml"])["case"]["id"] == "my-case"


def test_skeleton_toml_escaping():
    r = T.scan('He said "1 \\ 2" costs $5.\tReally.', None)
    claims = tomllib.loads(T.skeleton_files(r)["claims.toml"])["claim"]
    assert claims[0]["paraphrase"] == 'He said "1 \\ 2" costs $5.\tReally.' or '"1 \\ 2"' in claims[0]["paraphrase"]


def test_skeleton_zip(result):
    z = zipfile.ZipFile(io.BytesIO(T.skeleton_zip(result, "x")))
    assert sorted(z.namelist()) == ["x/actors.csv", "x/case.toml", "x/claims.toml", "x/relations.csv"]


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=400).filter(lambda t: t.strip()))
def test_scan_never_crashes_and_skeleton_parses(text):
    try:
        r = T.scan(text, F.make_actors())
    except T.ScanInputError:
        return
    files = T.skeleton_files(r)
    tomllib.loads(files["claims.toml"])
    assert len(r.mentions) == len(r.sentences)
