"""vnplan: Vietnamese government plan documents (PDF, DOCX) → contract JSON.

    >>> from pipeline import convert
    >>> doc = convert("samples/plan-196-KH-UBND.pdf")
"""
from pipeline.conversion import ConversionError, convert

__all__ = ["convert", "ConversionError"]
