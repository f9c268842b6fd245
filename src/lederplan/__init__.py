"""lederplan: a personal leadership platform and development plan in the terminal."""

__version__ = "0.1.0"
