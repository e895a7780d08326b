"""Claim Lens home page (placeholder until the case overview lands)."""
from components import ui

ui.page_setup("Claim Lens", "🔎", "Set an article's claims against market and trade data.")
