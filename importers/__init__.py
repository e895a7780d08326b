"""Build-time importers: they turn the raw material in ../shared into the committed files under data/.

`snapshot` builds data/series and data/snapshot.json (`python -m components.data import --sources
../shared/sources`, or `python -m importers.snapshot`); `case_seed` builds the first case's events.csv,
facts.csv and article fingerprint (`python -m importers.case_seed`). The app never imports this package: it
reads only what these wrote and git keeps.
"""
