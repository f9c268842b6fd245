"""The editing layer: the one way the UI reads the plan and changes it (see :mod:`.workspace`)."""
