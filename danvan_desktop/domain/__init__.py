"""Pure rules and data of the bloc: dataclasses, enums, checks. No Qt, no SQL."""
