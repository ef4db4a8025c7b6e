"""annotator: tag actors, mechanisms and threats in Chinese security-cooperation texts."""

__version__ = "0.1.0"
