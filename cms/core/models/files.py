"""What the campaign's image and document models share: a new file is cleaned before it is
stored, whichever way it came (the admin's single and multiple upload, replacing the file,
the write API, the demo loader, scripts)."""


class CleanedWhenNew:
    """A file model whose every new file goes through `clean_new_file()` on save.

    A file is new when it is not the one last read from or saved to the database: an upload,
    or a replaced file. `clean_new_file()` rewrites it (its hidden data gone) and says
    whether it changed anything; `file_fields` are the fields it then changes, saved with it.
    """

    file_fields = ("file",)

    #: The name of the file as last read from or saved to the database.
    _stored_file_name = None

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._stored_file_name = instance._file_name()
        return instance

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        saves_file = update_fields is None or "file" in update_fields
        if saves_file and self._has_new_file() and self.clean_new_file() and update_fields:
            kwargs["update_fields"] = {*update_fields, *self.file_fields}
        super().save(*args, **kwargs)
        self._stored_file_name = self._file_name()

    def clean_new_file(self):
        """Clean the new file; True if it changed it (or the fields about it)."""
        raise NotImplementedError

    def _has_new_file(self):
        if not self._file_name():
            return False
        return not self.file._committed or self.file.name != self._stored_file_name

    def _file_name(self):
        """The file's name without loading a deferred field (None if it is deferred)."""
        value = self.__dict__.get("file")
        return getattr(value, "name", value)
