"""What every official document shares: document settings and the number register."""
