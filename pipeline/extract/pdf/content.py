"""Content streams read by one regular expression instead of pdfminer's byte-by-byte parser.

pdfminer reads a page's content streams with a state machine that costs a few
Python calls per byte (`psparser.PSBaseParser`, `PSStackParser`,
`pdfinterp.PDFContentParser`): about 60% of interpreting a text page. Here the
decoded streams are cut into tokens by one compiled alternation and nested
into arrays and dictionaries in one loop, giving the very objects pdfminer's
`PDFContentParser.nextobject()` returns (tests/test_pdf_content.py compares
them, object for object, over every page and form of the samples and fixtures
and over fuzzed streams).

Only what is reproduced exactly is read here: anything else (an inline image,
a procedure `{}`, an operator inside an array, a stray `>`, a malformed number,
a NUL between tokens ...) makes `content_objects` return None, and the page's
content is left to pdfminer's own parser. Declining costs one wasted pass;
guessing would change the output.

`FastPageInterpreter` runs the objects with the semantics of
`PDFPageInterpreter.execute` (pdfminer 20260107), operators resolved once per
interpreter rather than per use, and counts them into pdf_guards' per-page cap
as pdfminer's parser would; `pdf_objects` runs it over every page.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Sequence

from pdfminer import settings
from pdfminer.pdfinterp import PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import (
    KEYWORD_ARRAY_BEGIN,
    KEYWORD_ARRAY_END,
    KEYWORD_DICT_BEGIN,
    KEYWORD_DICT_END,
    ESC_STRING,
    KWD,
    LIT,
    PSBaseParser,
    PSKeyword,
    PSLiteral,
    keyword_name,
    literal_name,
)

from pipeline.extract.pdf import guards as pdf_guards

# pdfminer's logger: the warnings copied from its `execute` are written where it writes them
log = logging.getLogger("pdfminer.pdfinterp")

# One token per match, after any white space; the group that matched says its kind.
# Each token ends where pdfminer's ends or the alternative fails, so that a prefix
# is never taken for the whole (possessive `++`/`*+` quantifiers: no backtracking).
_TOKEN = re.compile(rb"""
    \s*+ (?:
      ([-+]?\d++) (?![^\s\[\]()<>/%])                    # 1 integer, then a delimiter ("12Tf", "1-2": decline)
    | ([-+]?(?:\d++\.\d*+|\.\d++)) (?![^\s\[\]()<>/%])   # 2 real ("1.2.3", "1.e5": decline)
    | ([A-Za-z][^\s\#/%\[\]()<>{}]*+)                    # 3 operator, or true/false
    | /((?:[^\s\#/%\[\]()<>{}]|\#[0-9A-Fa-f]{2})*+) (?!\#)  # 4 name; '#' only as '#xx'
    | \(([^()\\]*+)\)                                    # 5 string without escapes or parentheses
    | (\()                                               # 6 any other string: _literal_string
    | (<<) | (>>)                                        # 7, 8 dictionary
    | <([0-9A-Fa-f\s]*+)>                                # 9 hex string
    | (\[) | (\])                                        # 10, 11 array
    | (['"])                                             # 12 the text operators ' and "
    | %[^\r\n]*+                                         # comment (no group: lastindex None)
    | (\S)                                               # 13 anything else: decline
    )""", re.X)
_INT, _REAL, _WORD, _NAME, _PLAIN, _STRING, _DICT_OPEN, _DICT_CLOSE, _HEX, _ARRAY_OPEN, _ARRAY_CLOSE, _QUOTE = range(1, 13)

# A step through a string with escapes or nested parentheses: a plain run, then
# one parenthesis or one escape (octal digits, CR LF, or any single byte).
_STRING_STEP = re.compile(rb"([^()\\]*+)(?:(\()|(\))|\\(?:([0-7]{1,3})|(\r\n)|(.)))", re.S)
# pdfminer's escapes by the byte after the backslash; any other escaped byte it drops.
_ESCAPES = {key[0]: value for key, value in ESC_STRING.items()}
# pdfminer reads each stream in blocks this large; one escape depends on where they fall.
_BLOCK = PSBaseParser.BUFSIZ
_HEX_SPACE = b" \t\n\r\x0b\x0c"  # what `\s` is to pdfminer's bytes patterns
_BOOLS = {b"true": True, b"false": False}
_BRACKETS = {_ARRAY_OPEN: KEYWORD_ARRAY_BEGIN, _ARRAY_CLOSE: KEYWORD_ARRAY_END,
             _DICT_OPEN: KEYWORD_DICT_BEGIN, _DICT_CLOSE: KEYWORD_DICT_END}
_INLINE_IMAGE = (KWD(b"BI"), KWD(b"ID"))  # pdfminer's parser reads image data after ID itself


class _Decline(Exception):
    """Something pdfminer's parser reads in a way this module does not reproduce."""


def _literal_string(data: bytes, i: int) -> tuple[bytes, int]:
    """The string whose '(' ends just before `i`, and where it ends, by pdfminer's rules."""
    out, depth = bytearray(), 1
    while True:
        m = _STRING_STEP.match(data, i)
        if m is None:  # no closing parenthesis in this stream
            raise _Decline
        out += m.group(1)
        i = m.end()
        if m.group(2):
            depth += 1
            out += b"("
        elif m.group(3):
            depth -= 1
            if not depth:
                return bytes(out), i
            out += b")"
        elif m.group(4):
            code = int(m.group(4), 8)
            if code > 255:  # pdfminer fails an assertion
                raise _Decline
            out.append(code)
        elif m.group(5):
            # A backslash before CR LF joins lines, unless CR ends one of pdfminer's
            # blocks: then it sees CR alone (dropped) and LF as a character.
            if (m.start(5) + 1) % _BLOCK == 0:
                out += b"\n"
        else:
            escaped = _ESCAPES.get(m.group(6)[0])
            if escaped is not None:
                out.append(escaped)


def _hex_string(digits: bytes) -> bytes:
    """pdfminer's reading of a hex string: white space dropped, a last odd digit taken as its own value."""
    digits = digits.translate(None, _HEX_SPACE)
    if len(digits) % 2:
        return bytes.fromhex(digits[:-1].decode()) + bytes((int(digits[-1:], 16),))
    return bytes.fromhex(digits.decode())


def _name(raw: bytes) -> PSLiteral:
    if b"#" in raw:
        raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes((int(m.group(1), 16),)), raw)
    try:
        return LIT(str(raw, "utf-8"))
    except UnicodeDecodeError:
        return LIT(raw)


def _tokens(data: bytes) -> Iterator[object]:
    """The tokens of one stream, brackets as pdfminer's bracket keywords; raises _Decline."""
    pos: int | None = 0
    while pos is not None:
        # A string with escapes is read by hand; the scan then starts again after it.
        matches, pos = _TOKEN.finditer(data, pos), None
        for m in matches:
            kind = m.lastindex
            if kind is None:  # a comment
                continue
            text = m.group(kind)
            if kind == _INT:
                yield int(text)  # over 4,300 digits: ValueError, taken as a decline
            elif kind == _WORD:
                yield _BOOLS[text] if text in _BOOLS else KWD(text)
            elif kind == _REAL:
                yield float(text)
            elif kind == _NAME:
                # At a stream's end pdfminer drops a name ending in '#xx' and runs an empty one into the next stream.
                if m.end() == len(data) and (not text or b"#" in text):
                    raise _Decline
                yield _name(text)
            elif kind == _PLAIN:
                yield text
            elif kind == _HEX:
                yield _hex_string(text)
            elif kind == _STRING:
                string, pos = _literal_string(data, m.end())
                yield string
                break
            elif kind == _QUOTE:
                yield KWD(text)
            elif kind in _BRACKETS:
                yield _BRACKETS[kind]
            else:  # a byte pdfminer reads as a one-byte operator, skips (NUL) or drops (a lone '>')
                raise _Decline


def _dictionary(items: list) -> dict:
    """`<< ... >>` as pdfminer builds it: keys by `literal_name`, later keys winning."""
    keys, values = items[::2], items[1::2]
    # pdfminer raises on an odd count; a key that is not a name it spells with str() (or raises, strict).
    if len(keys) != len(values) or any(key.__class__ is not PSLiteral for key in keys):
        raise _Decline
    return {literal_name(key): value for key, value in zip(keys, values)}


def _assemble(tokens: Iterator[object]) -> list:
    """Tokens nested into arrays and dictionaries: what successive `nextobject()` calls return."""
    objects: list = []
    target = objects  # the list the next object joins: the top level, or an open array or dictionary
    enclosing: list[tuple[list, PSKeyword]] = []  # for each open bracket: the list outside it, the bracket
    for token in tokens:
        if token.__class__ is not PSKeyword:
            target.append(token)
        elif token is KEYWORD_ARRAY_BEGIN or token is KEYWORD_DICT_BEGIN:
            enclosing.append((target, token))
            target = []
        elif token is KEYWORD_ARRAY_END or token is KEYWORD_DICT_END:
            opener = KEYWORD_ARRAY_BEGIN if token is KEYWORD_ARRAY_END else KEYWORD_DICT_BEGIN
            if not enclosing or enclosing[-1][1] is not opener:  # pdfminer ignores or raises
                raise _Decline
            outer = enclosing.pop()[0]
            outer.append(target if opener is KEYWORD_ARRAY_BEGIN else _dictionary(target))
            target = outer
        elif enclosing or token in _INLINE_IMAGE:  # an operator inside brackets; an inline image
            raise _Decline
        else:
            target.append(token)
    if enclosing:  # pdfminer drops what is still open at the end
        raise _Decline
    return objects


def content_objects(streams: Sequence[bytes]) -> list | None:
    """The objects pdfminer's `PDFContentParser(streams).nextobject()` returns, in order.

    `streams` are the decoded data of a page's (or form's) content streams, read
    as one: pdfminer ends a token at the end of each stream as at white space.
    None where pdfminer's reading is not reproduced here (see the module's doc).
    """
    try:
        return _assemble(token for data in streams for token in _tokens(data))
    except (_Decline, ValueError):
        return None


def _decoded_objects(streams: list[PDFStream]) -> list | None:
    try:
        data = [stream.get_data() for stream in streams]
    except Exception:  # noqa: BLE001  pdfminer's own run raises it again, after the streams before it have run
        return None
    return content_objects(data)


_UNSEEN = object()


class FastPageInterpreter(PDFPageInterpreter):
    """`PDFPageInterpreter` reading content through `content_objects` where it can.

    Forms take the same path: pdfminer's `dup()` makes nested interpreters of
    `self.__class__`. Operators run as in pdfminer's `execute` (the same method
    for a name, the same argument count from its code, arguments popped even
    when too few, unknown ones skipped or, strict, refused); only its debug log
    lines are not written.
    """

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        # operator -> (bound method, argument count), or None for an unknown one; per
        # instance, so methods pdf_guards patches in later are the ones found.
        self._operators: dict[PSKeyword, tuple | None] = {}

    def execute(self, streams: Sequence[object]) -> None:
        runnable = self._runnable_streams(streams)
        if not runnable:
            return  # pdfminer: an empty page
        objects = _decoded_objects(runnable)
        if objects is None:
            # pdfminer's own parser; its check of these streams refuses none of them again
            super().execute(runnable)
        else:
            self._run(objects)

    def _runnable_streams(self, streams: Sequence[object]) -> list[PDFStream]:
        """The streams pdfminer's `execute` runs, recorded for its check of circular references.

        A copy of that check (pdfminer 20260107), warnings included.
        """
        valid_streams: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                log.warning("Refusing to execute circular reference to content stream %d", stream.objid)
            else:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        return valid_streams

    def _run(self, objects: list) -> None:
        spend = pdf_guards.spend_objects if pdf_guards.installed() else None
        push, pop, operators = self.push, self.pop, self._operators
        counted = 0
        for index, obj in enumerate(objects):
            if obj.__class__ is not PSKeyword:
                push(obj)
                continue
            if spend is not None:  # the operands and this operator, before it runs
                spend(index + 1 - counted)
                counted = index + 1
            entry = operators.get(obj, _UNSEEN)
            if entry is _UNSEEN:
                entry = operators[obj] = self._operator(obj)
            if entry is None:
                if settings.STRICT:
                    raise PDFInterpreterError(f"Unknown operator: {keyword_name(obj)!r}")
                continue
            func, nargs = entry
            if nargs:
                args = pop(nargs)
                if len(args) == nargs:
                    func(*args)
            else:
                func()
        if spend is not None:  # trailing operands, and pdfminer's last call, which finds the end
            spend(len(objects) + 1 - counted)

    def _operator(self, keyword: PSKeyword) -> tuple | None:
        """pdfminer's lookup of an operator's method: `do_` and the name, `*"'` spelled `_a _w _q`."""
        name = keyword_name(keyword)
        method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
        if not hasattr(self, method):
            return None
        func = getattr(self, method)
        return func, func.__code__.co_argcount - 1
