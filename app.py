"""Claim Lens: the app's navigation over the registered pages (components/routes.py); Home opens first.

`streamlit run app.py` finds `app` below and serves the app as an ASGI app (st.App), with two middlewares of
ours: chart pages fetch Streamlit's chart code with the page (components/preload.py), and the Actor network's
first request starts importing what its first run needs (components/warmup.py). Streamlit then runs this same
file as the script of every session, where the navigation branch runs.
"""

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

if get_script_run_ctx(suppress_warning=True) is None:
    from starlette.middleware import Middleware

    from components.preload import PreloadCharts, plotly_bundle
    from components.warmup import WarmImports

    base_url = st.get_option("server.baseUrlPath") or ""
    app = st.App(
        __file__,
        middleware=[
            Middleware(WarmImports, base_url=base_url),
            Middleware(PreloadCharts, bundle=plotly_bundle(), base_url=base_url),
        ],
    )
else:
    from components import ui

    ui.navigation().run()
