"""Helpers of PyScript's `pyscript.util` that this package uses."""


class NotSupported:
    """Stands where a name exists only in the other context (a worker or the main thread):
    reading, setting or calling anything on it raises `error`."""

    def __init__(self, name, error):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "error", error)

    def __repr__(self):
        return f"<NotSupported {self.name} [{self.error}]>"

    def __getattr__(self, attr):
        raise AttributeError(self.error)

    def __setattr__(self, attr, value):
        raise AttributeError(self.error)

    def __call__(self, *args, **kwargs):
        raise TypeError(self.error)
