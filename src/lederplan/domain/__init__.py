"""Models and pure rules: no I/O, no Textual."""
