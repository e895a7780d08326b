"""Claim Lens: the app's navigation over the registered pages (components/routes.py); Home opens first.

`streamlit run app.py` finds `app` below and serves the app as an ASGI app (st.App), with one middleware of
ours: chart pages fetch Streamlit's chart code with the page (components/preload.py). Streamlit then runs this
same file as the script of every session, where the navigation branch runs.
"""

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

if get_script_run_ctx(suppress_warning=True) is None:
    from starlette.middleware import Middleware

    from components.preload import PreloadCharts, plotly_bundle

    app = st.App(
        __file__,
        middleware=[
            Middleware(PreloadCharts, bundle=plotly_bundle(), base_url=st.get_option("server.baseUrlPath") or "")
        ],
    )
else:
    from components import ui

    ui.navigation().run()
