"""Everything Qt: the main window, one page a sidebar entry, table models, dialogs and workers."""
