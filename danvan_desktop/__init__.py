"""danvan-desktop: the offline program of a commune's Khối dân vận."""

__version__ = "0.1.0"
