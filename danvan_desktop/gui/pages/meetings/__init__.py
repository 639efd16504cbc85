"""Meeting and minutes pages."""
