"""SQLite storage: connection, migrations, and one repository per aggregate."""
