"""The JSON API (FastAPI) over the library: ``create_app(settings)``."""
