"""Writers (and the JSON reader) of a plan: pure functions of plans, no files, no terminal."""
