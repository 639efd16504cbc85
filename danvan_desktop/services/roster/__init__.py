"""The bloc's roster: members, posts, composition checks and the roster files."""
