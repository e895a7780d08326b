"""Test data built in code, one module per concern; every factory has a name of its own across the package.

- series: pandas series (business-day, random walk, monthly with gaps, EIA Brent March 2025), load_points-shaped
  frames and loaders over them, yfinance-shaped download frames
- case_files: a minimal valid case folder on disk, to break one field at a time
- charts: events frames as charts and the event study take them
- network: actor/relation tables and case stand-ins for the actor network (fixture, hostile)
- snapshot: a private copy of data/, byte digests, a miniature ../shared/sources/compiled tree
- publishers: a small data folder of the publishers' series for the refresh and vintage tests (the recorded
  ECB/EIA responses are bench/recorded.py, shared with bench/bench_refresh.py)
- event_returns: prices with known abnormal-return properties for the event-study tests
- text: articles for the text scanner and the bring-your-own-article tab, six-word shingles
- hindsight: a loaded case with its scenarios and predictions given other outcomes, or taken out

Factories take keyword overrides (`make_case_folder(root, events=[...])`, `network_case(claims=[...])`) and
build the known-good default for anything not overridden.
"""
