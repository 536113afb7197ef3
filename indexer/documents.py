"""Word-processor documents → plain text: Word's ``.docx`` and Rich Text Format's ``.rtf``.

News databases hand researchers their downloads in these (Nexis Uni's default is a Word file,
Factiva's an RTF file); the text they hold is read as a ``.txt`` file is, a database's export
among them (``exports.py``). A paragraph is a line; a line break or a page break inside one ends
a line too.
"""

from __future__ import annotations

import io
import zipfile
import zlib

import lxml.etree
from striprtf.striprtf import rtf_to_text

from .readers import UnreadableFile

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARAGRAPH, _TEXT, _TAB, _BREAK, _RETURN, _HYPHEN = (
    f"{_W}p", f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen")
_MAIN_PART = "word/document.xml"
# Word's XML, read without fetching or expanding anything it declares.
_XML_PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def docx_text(data: bytes, max_unzipped: int) -> str:
    """The text of a Word document's body, a line per paragraph (tables' cells and text boxes
    included, in the order they come); raises ``UnreadableFile`` for a file that is not one."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo(_MAIN_PART)
            if info.file_size > max_unzipped:
                raise UnreadableFile(f"unpacks past the {max_unzipped:,}-byte limit")
            with package.open(info) as part:
                xml = part.read(max_unzipped + 1)  # the size a file declares may be a lie
    except KeyError as error:
        raise UnreadableFile("not a Word document: no document.xml in it") from error
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, zlib.error,
            ValueError) as error:
        # An encrypted document is no zip at all; NotImplementedError: a compression zipfile lacks;
        # ValueError: offsets in a damaged directory that point before the file's start.
        raise UnreadableFile(f"not a readable Word document ({error})") from error
    if len(xml) > max_unzipped:
        raise UnreadableFile(f"unpacks past the {max_unzipped:,}-byte limit")
    try:
        root = lxml.etree.fromstring(xml, parser=_XML_PARSER)
    except lxml.etree.XMLSyntaxError as error:
        raise UnreadableFile(f"broken Word document: {error}") from error
    lines: list[str] = []
    pieces: list[str] = []
    for element in root.iter(_PARAGRAPH, _TEXT, _TAB, _BREAK, _RETURN, _HYPHEN):
        tag = element.tag
        if tag == _TEXT:
            pieces.append(element.text or "")
        elif tag == _PARAGRAPH:
            lines.append("".join(pieces))
            pieces = []
        else:
            pieces.append("\t" if tag == _TAB else "-" if tag == _HYPHEN else "\n")
    lines.append("".join(pieces))
    # The first line is what came before the first paragraph: nothing, in a document Word wrote.
    return "\n".join(lines[1:] if not lines[0] else lines).strip("\n")


def rtf_text(markup: str) -> str:
    """The text of an RTF document, its formatting, fonts, pictures and document details left out."""
    if not markup.lstrip().startswith("{\\rtf"):
        raise UnreadableFile("not an RTF document: it does not open with {\\rtf")
    try:
        return rtf_to_text(markup, errors="replace")
    except (ValueError, IndexError, OverflowError, TypeError) as error:
        # A \u or \' escape out of range, a control word missing its number ("\uc" alone).
        raise UnreadableFile(f"broken RTF document: {error}") from error
