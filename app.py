"""Claim Lens: the app's navigation over the registered pages (components/routes.py); Home opens first."""

from components import ui

ui.navigation().run()
