"""A file is stored whole, or not at all.

Django's FileSystemStorage writes an upload chunk by chunk; when the disk fills up halfway
(OSError ENOSPC) it raises, but leaves the part it wrote under the file's name: a file that
no row refers to and nothing will ever delete. `WholeFileSystemStorage` removes it before
the error goes on, so the caller's record (a nomination) and the disk stay in step: the
model's save fails before its row is written, and no half file is left behind.
"""

import contextlib
import os
import threading

from django.core.files.storage import FileSystemStorage


class WholeFileSystemStorage(FileSystemStorage):
    """FileSystemStorage that leaves nothing of a file it could not finish writing."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._writing = threading.local()

    def get_available_name(self, name, max_length=None):
        # Storage.save() picks the name first; _save() picks another if a concurrent upload
        # took it meanwhile. The last one picked (in this thread) is the file being written.
        name = super().get_available_name(name, max_length=max_length)
        self._writing.name = name
        return name

    def _save(self, name, content):
        self._writing.name = name
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise  # not ours: another upload's file
        except OSError:
            with contextlib.suppress(OSError):
                os.remove(self.path(self._writing.name))
            raise
        finally:
            self._writing.name = None
