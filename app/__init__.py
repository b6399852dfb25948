"""User-facing entry points: Gradio chat, HTTP API and command line."""
