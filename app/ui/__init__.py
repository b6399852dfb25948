"""The Gradio chat UI: layout (:mod:`app.ui.layout`), HTML renderers (:mod:`app.ui.render`) and assets."""
