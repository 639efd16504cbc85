"""Documents: the Party/State layout rules as data, and renderers of one document model to PDF and DOCX."""
