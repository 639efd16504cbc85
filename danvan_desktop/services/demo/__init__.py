"""The demo commune and the demo upper level."""
