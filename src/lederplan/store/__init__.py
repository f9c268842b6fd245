"""The store: TinyDB over a private, atomic, locked JSON file, with backups and migrations.

Only :mod:`lederplan.store.repository` knows the domain models; the rest deals in raw documents,
so a process that only needs the file (a test worker, a login script) does not pay for pydantic.
"""
