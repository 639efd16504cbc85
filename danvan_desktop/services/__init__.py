"""Use cases: the only layer the GUI and the command line call."""
