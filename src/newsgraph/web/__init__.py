"""Server-rendered pages of `newsgraph serve`: templates, static files, highlighting."""
