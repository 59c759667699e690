"""The error family every stage raises; the CLI catches `ArkivError` once and prints one line.

Each class carries its exit code (../shared/CONTRACTS.md: 1 input failed, 2 usage,
3 not found, 4 busy or damaged).
"""
from __future__ import annotations


class ArkivError(Exception):
    """Base of every error shown to a user as one line."""
    exit_code = 1


class InputFileError(ArkivError):
    """A file that cannot be read: empty, corrupt, unsupported, too large, …"""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        # Workers raise these in other processes; subclasses have other signatures, so
        # rebuild from the message parts rather than from __init__'s arguments.
        return _rebuild_input_error, (type(self), self.path, self.reason)


def _rebuild_input_error(cls: type, path: str, reason: str) -> InputFileError:
    err = cls.__new__(cls)
    InputFileError.__init__(err, path, reason)
    return err


class EncryptedPdfError(InputFileError):
    def __init__(self, path: str):
        super().__init__(path, "the PDF is encrypted with a password; decrypt it first "
                               "(qpdf --decrypt --password=… IN OUT) and import the result")


class OcrTimeoutError(InputFileError):
    def __init__(self, path: str, seconds: float):
        super().__init__(path, f"OCR took longer than {seconds:g} s on a page; "
                               "raise --ocr-timeout or split the file")


class UsageError(ArkivError):
    exit_code = 2


class NotFoundError(ArkivError):
    exit_code = 3


class BusyError(ArkivError):
    exit_code = 4


class DamagedError(ArkivError):
    exit_code = 4
