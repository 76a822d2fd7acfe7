"""Scripts that make the README's pictures."""
