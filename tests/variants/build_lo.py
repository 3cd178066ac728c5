"""PDFs made by LibreOffice from the variant DOCX files (the "Word-made PDF" path).

One headless ``soffice`` call converts every DOCX of a folder (starting
LibreOffice is the slow part), in a private profile so parallel runs do not
fight over the user's. `soffice_path` is None where LibreOffice is not
installed; the tests then skip this format.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = 180


def soffice_path() -> str | None:
    """The LibreOffice binary, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_all(docx_files: list[Path], outdir: Path) -> dict[Path, Path]:
    """Convert DOCX files to PDF in one LibreOffice run; {docx: pdf} for those that came out."""
    soffice = soffice_path()
    if soffice is None or not docx_files:
        return {}
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx_files)]
        subprocess.run(cmd, check=False, capture_output=True, timeout=TIMEOUT_S)
    made = {d: outdir / f"{d.stem}.pdf" for d in docx_files}
    return {d: p for d, p in made.items() if p.exists()}
