"""Results held only by one server are told when lost: after a reconnect to another replica (a new session, the
same URL) the network page says the uploaded article's results are gone and how to get them back, instead of
an empty tab; Dismiss clears the notice and the URL marker."""

from __future__ import annotations

from tests.apptest_helpers import app_test, texts

PAGE = "pages/6_Actor_network.py"
ARTICLE = (
    "article.txt",
    b"Donald Trump warned India and China. Narendra Modi met Vladimir Putin in Moscow.",
    "text/plain",
)


def upload(at):
    at.get("file_uploader")[0].set_value(ARTICLE)
    return at.run()


def test_a_new_session_with_the_marker_says_the_results_were_lost():
    at = upload(app_test(PAGE).run())
    assert not at.exception, [e.message for e in at.exception]
    assert at.query_params.get("net_byo") in ("1", ["1"]), "showing upload results marks the URL"
    assert "were lost" not in texts(at), "the session that made the results must not call them lost"

    failover = app_test(PAGE, {"net_byo": "1"}).run()  # the same URL, a new server process
    assert not failover.exception
    shown = texts(failover)
    assert "The results of your uploaded article were lost" in shown and "Upload the file again" in shown, shown[:800]
    failover.button(key="net_byo_dismiss").click().run()
    assert "were lost" not in texts(failover)
    assert "net_byo" not in failover.query_params


def test_no_marker_no_notice():
    at = app_test(PAGE).run()
    assert not at.exception and "were lost" not in texts(at)
