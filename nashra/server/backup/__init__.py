"""`nashra backup FILE` and `nashra restore FILE` (#17).

One archive (tar, gzip) holds what a newsroom cannot rebuild: a consistent
snapshot of the database taken while the site serves, every media file
(through the storage API, so local disk or object storage), the secret key
and a manifest with a checksum of each member. The licence keys are rows
(theme options), so they travel with the database.

- ``archive.py``: the format, writing it, and refusing a bad one before
  anything is changed;
- ``database.py``: the snapshot and its restore, per database;
- ``rows.py``: SQLite rows into PostgreSQL, the documented way to move up.
"""
