"""Village teams and their tasks: the task service, its summary and checks."""
