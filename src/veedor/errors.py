"""The exceptions the library raises. The CLI and HTTP layers translate them into messages."""

from __future__ import annotations


class VeedorError(Exception):
    """Base class for every error Veedor raises on purpose."""


class ConfigError(VeedorError):
    """A setting has a value Veedor cannot use."""


class ReadError(VeedorError):
    """A file could not be turned into a document."""


class UnsupportedFormatError(ReadError):
    """The file's extension is not one Veedor reads."""


class CorruptFileError(ReadError):
    """The file claims a format but its content cannot be parsed."""


class EmptyDocumentError(ReadError):
    """The file holds no text."""


class FileTooLargeError(ReadError):
    """The file is larger than the configured maximum."""


class TextEncodingError(ReadError):
    """A text file is neither UTF-8 nor a recognisable single-byte encoding."""


class MetadataError(ReadError):
    """A sidecar metadata file is malformed."""


class StoreError(VeedorError):
    """The database could not be opened or written."""


class NotFoundError(VeedorError):
    """A requested record does not exist."""


class GoldFileError(VeedorError):
    """A gold-standard file for evaluation is malformed."""


class InvalidInputError(VeedorError):
    """A request names values Veedor cannot accept (a status, a date, an evidence span)."""


class ConflictError(VeedorError):
    """An edit was based on a version that has changed since (HTTP 409)."""


class AuthError(VeedorError):
    """Missing or wrong credentials (HTTP 401)."""


class PermissionDeniedError(VeedorError):
    """The user's role does not allow this action (HTTP 403)."""
