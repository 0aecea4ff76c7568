"""policylens: offline privacy-policy analyzer."""

__version__ = "0.1.0"
