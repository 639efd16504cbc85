"""One page a sidebar entry."""
